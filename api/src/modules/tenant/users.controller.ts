import {
  Body,
  Delete,
  Get,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Patch,
  Post,
  Query,
} from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { CreateUserDto, Page, PageQueryDto, Role, UpdateUserDto, UserView } from '@navaia/shared';
import { MinRole, NoApiKeys } from '../../common/auth/decorators';
import { ApiBodyDto, ApiErrors, ApiNoContent, ApiOk, ApiPage } from '../../common/http/openapi';
import { Idempotent } from '../../common/idempotency/idempotency.interceptor';
import { TenantScopedController } from '../../common/http/tenant-controller.decorator';
import { toUserView } from './user.entity';
import { UsersService } from './users.service';

@ApiTags('users')
@TenantScopedController('users')
@MinRole(Role.Admin)
@NoApiKeys()
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Get()
  @ApiOperation({ summary: 'Team members (admin+)' })
  @ApiPage('UserView')
  list(@Query() query: PageQueryDto): Promise<Page<UserView>> {
    return this.users.list(query);
  }

  @Post()
  @Idempotent()
  @ApiOperation({ summary: 'Add a member with an initial password to be changed at first login' })
  @ApiBodyDto(CreateUserDto)
  @ApiOk('UserView')
  @ApiErrors(409)
  create(@Body() dto: CreateUserDto): Promise<UserView> {
    return this.users.create(dto);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One member (admin+)' })
  @ApiOk('UserView')
  async get(@Param('id', ParseUUIDPipe) id: string): Promise<UserView> {
    return toUserView(await this.users.get(id));
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Change a member’s name, role or activity; only owners manage owners' })
  @ApiBodyDto(UpdateUserDto)
  @ApiOk('UserView')
  @ApiErrors(409)
  update(@Param('id', ParseUUIDPipe) id: string, @Body() dto: UpdateUserDto): Promise<UserView> {
    return this.users.update(id, dto);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Remove a member; a tenant keeps at least one owner' })
  @ApiNoContent()
  @ApiErrors(409)
  remove(@Param('id', ParseUUIDPipe) id: string): Promise<void> {
    return this.users.remove(id);
  }
}
