import { Get, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  DashboardRangeDto,
  DashboardSummary,
  DashboardTimeseries,
  DashboardTimeseriesQueryDto,
} from '@navaia/shared';
import { ApiOk } from '../../common/http/openapi';
import { TenantScopedController } from '../../common/http/tenant-controller.decorator';
import { DashboardService } from './dashboard.service';

@ApiTags('dashboard')
@TenantScopedController('dashboard')
export class DashboardController {
  constructor(private readonly dashboard: DashboardService) {}

  @Get('summary')
  @ApiOperation({ summary: 'KPIs for a period (default: the last 30 days), to the hour' })
  @ApiOk('DashboardSummary')
  summary(@Query() query: DashboardRangeDto): Promise<DashboardSummary> {
    return this.dashboard.summary(query);
  }

  @Get('timeseries')
  @ApiOperation({ summary: 'One metric per day or ISO week in the tenant’s time zone, for charts' })
  @ApiOk('DashboardTimeseries')
  timeseries(@Query() query: DashboardTimeseriesQueryDto): Promise<DashboardTimeseries> {
    return this.dashboard.timeseries(query);
  }
}
