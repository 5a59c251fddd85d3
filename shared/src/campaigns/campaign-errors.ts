/** Error codes of campaigns, their recipients and their CSV imports. */
export enum CampaignErrorCode {
  NotEditable = 'campaign_not_editable',
  NotDeletable = 'campaign_not_deletable',
  IllegalTransition = 'illegal_transition',
  WithoutRecipients = 'campaign_without_recipients',
  RecipientBusy = 'recipient_busy',
  TooManyStreams = 'too_many_streams',
  CsvTooLarge = 'csv_too_large',
  EmptyAudience = 'empty_audience',
}
