import { createReadStream } from 'node:fs';
import {
  Body,
  HttpCode,
  Get,
  Param,
  ParseUUIDPipe,
  Patch,
  Post,
  Query,
  StreamableFile,
} from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  CreateVoiceSessionDto,
  Page,
  ReportConversationDto,
  SimulatorMessageDto,
  SimulatorReply,
  StartVoiceSessionResponse,
  VoiceSessionListQueryDto,
  VoiceSessionView,
} from '@navaia/shared';
import { ApiBodyDto, ApiErrors, ApiOk, ApiPage } from '../../common/http/openapi';
import { TenantScopedController } from '../../common/http/tenant-controller.decorator';
import { SimulatorConversationService } from './simulator/simulator-conversation.service';
import { VoiceSessionService } from './voice-session.service';

@ApiTags('voice')
@TenantScopedController('voice/sessions')
export class VoiceController {
  constructor(
    private readonly sessions: VoiceSessionService,
    private readonly simulator: SimulatorConversationService,
  ) {}

  @Post()
  @ApiOperation({
    summary: 'Start a browser conversation with the agent (signed URL or simulator)',
    description:
      'The session is saved before the voice provider is asked for its credentials; when the ' +
      'provider refuses, the session stays listed as failed, with the reason.',
  })
  @ApiBodyDto(CreateVoiceSessionDto)
  @ApiOk('StartVoiceSessionResponse')
  @ApiErrors(404, 503)
  start(@Body() dto: CreateVoiceSessionDto): Promise<StartVoiceSessionResponse> {
    return this.sessions.start(dto);
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Report the provider’s conversation id of a browser session' })
  @ApiBodyDto(ReportConversationDto)
  @ApiOk('VoiceSessionView')
  @ApiErrors(409)
  report(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: ReportConversationDto,
  ): Promise<VoiceSessionView> {
    return this.sessions.reportConversation(id, dto.conversationId);
  }

  @Get()
  @ApiOperation({ summary: 'AI conversations, newest first' })
  @ApiPage('VoiceSessionView')
  list(@Query() query: VoiceSessionListQueryDto): Promise<Page<VoiceSessionView>> {
    return this.sessions.list(query);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One conversation with transcript, summary, analysis and outcome' })
  @ApiOk('VoiceSessionView')
  get(@Param('id', ParseUUIDPipe) id: string): Promise<VoiceSessionView> {
    return this.sessions.view(id);
  }

  @Get(':id/audio')
  @ApiOperation({ summary: 'The recording of a conversation, when the provider sent one' })
  @ApiOk(
    { type: 'string', format: 'binary', example: '(MP3 audio bytes)' },
    'The recording (MP3)',
    'audio/mpeg',
  )
  async audio(@Param('id', ParseUUIDPipe) id: string): Promise<StreamableFile> {
    const path = await this.sessions.audioPath(id);
    return new StreamableFile(createReadStream(path), {
      type: 'audio/mpeg',
      disposition: `inline; filename="conversation-${id}.mp3"`,
    });
  }

  @Post(':id/messages')
  @HttpCode(200)
  @ApiOperation({ summary: 'Simulator only: say something to the simulated agent' })
  @ApiBodyDto(SimulatorMessageDto)
  @ApiOk('SimulatorReply')
  @ApiErrors(409, 503)
  say(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: SimulatorMessageDto,
  ): Promise<SimulatorReply> {
    return this.simulator.say(id, dto.text);
  }

  @Post(':id/end')
  @HttpCode(202)
  @ApiOperation({ summary: 'Simulator only: hang up; the post-call webhook follows' })
  @ApiOk('VoiceSessionView')
  @ApiErrors(409, 503)
  end(@Param('id', ParseUUIDPipe) id: string): Promise<VoiceSessionView> {
    return this.simulator.hangUp(id);
  }
}
