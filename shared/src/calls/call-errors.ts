/** Error codes of placing and cancelling calls. */
export enum CallErrorCode {
  DoNotCall = 'customer_do_not_call',
  CustomerPhoneInvalid = 'customer_phone_invalid',
  DailyCapReached = 'daily_call_cap_reached',
  OutsideCallingWindow = 'outside_calling_window',
  NotCancelable = 'call_not_cancelable',
}
