/** Error codes of customers. */
export enum CustomerErrorCode {
  InvalidPhone = 'invalid_phone',
  PhoneTaken = 'phone_taken',
}
