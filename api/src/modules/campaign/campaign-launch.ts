import { Injectable } from '@nestjs/common';
import { CampaignLaunchView, CreateCampaignDto } from '@navaia/shared';
import { CampaignErrors } from './campaign.exception';
import { CampaignService } from './campaign.service';
import { RecipientImport } from './recipient-import';

/**
 * A campaign created with its audience and, when asked, started, in the request's one
 * transaction: a step that fails leaves nothing behind, so a launch is never half done.
 */
@Injectable()
export class CampaignLaunch {
  constructor(
    private readonly campaigns: CampaignService,
    private readonly importer: RecipientImport,
  ) {}

  async create(dto: CreateCampaignDto): Promise<CampaignLaunchView> {
    const { customerIds, filter, csv, start, ...fields } = dto;
    const audiences = [customerIds, filter, csv].filter((given) => given !== undefined).length;
    if (audiences > 1) throw CampaignErrors.launchAudienceChoice();
    const { id } = await this.campaigns.create(fields);
    let recipients = null;
    let imported = null;
    if (csv !== undefined) {
      imported = await this.importer.import(id, csv);
      if (imported.added === 0) throw CampaignErrors.emptyAudience({ imported });
    } else if (audiences) {
      recipients = await this.campaigns.addRecipients(id, { customerIds, filter });
      if (recipients.added === 0) throw CampaignErrors.emptyAudience({ recipients });
    }
    const campaign = start ? await this.campaigns.start(id) : await this.campaigns.view(id);
    return { ...campaign, recipients, imported };
  }
}
