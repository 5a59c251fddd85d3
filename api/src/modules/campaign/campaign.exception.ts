import { CampaignErrorCode, CommonErrorCode } from '@navaia/shared';
import { AppException } from '../../common/errors/app.exception';

export const CampaignErrors = {
  notFound: () => new AppException(404, CommonErrorCode.NotFound, 'Campaign not found'),
  recipientNotFound: () =>
    new AppException(
      404,
      CommonErrorCode.NotFound,
      'This customer is not a recipient of the campaign',
    ),
  notEditable: (status: string) =>
    new AppException(
      409,
      CampaignErrorCode.NotEditable,
      `A ${status} campaign cannot be changed; pause it first`,
    ),
  notDeletable: (status: string) =>
    new AppException(
      409,
      CampaignErrorCode.NotDeletable,
      `A ${status} campaign must be cancelled first`,
    ),
  illegalMove: (status: string, action: string) =>
    new AppException(
      409,
      CampaignErrorCode.IllegalTransition,
      `A ${status} campaign cannot ${action}`,
    ),
  noRecipients: () =>
    new AppException(422, CampaignErrorCode.WithoutRecipients, 'Add recipients before starting'),
  audienceChoice: () =>
    new AppException(400, CommonErrorCode.ValidationFailed, 'Give either customerIds or a filter', [
      { field: 'customerIds', message: 'give either customerIds or a filter (tag, search or all)' },
    ]),
  launchAudienceChoice: () =>
    new AppException(
      400,
      CommonErrorCode.ValidationFailed,
      'Give at most one of customerIds, filter or csv',
      [{ field: 'customerIds', message: 'give at most one of customerIds, filter or csv' }],
    ),
  /** Nobody of the audience could be added; the report says why, and nothing was created. */
  emptyAudience: (report: Record<string, unknown>) =>
    new AppException(
      422,
      CampaignErrorCode.EmptyAudience,
      'Nobody of this audience can be called, so the campaign was not created',
      report,
    ),
  recipientBusy: () =>
    new AppException(
      409,
      CampaignErrorCode.RecipientBusy,
      'This recipient is being called; it can be removed once the call ends',
    ),
  invalidVariable: (field: string, message: string) =>
    new AppException(400, CommonErrorCode.ValidationFailed, `${field} ${message}`, [
      { field, message },
    ]),
};
