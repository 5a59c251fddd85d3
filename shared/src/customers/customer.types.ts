export interface CustomerView {
  id: string;
  displayName: string;
  firstName: string | null;
  lastName: string | null;
  email: string | null;
  phone: string;
  /** Their own time zone, when known. */
  timezone: string | null;
  /**
   * The zones their calling hours are read in, the likeliest first: their own; else those of
   * their number's area (several where it spans a zone border); else the tenant's.
   */
  localZones: string[];
  tags: string[];
  notes: string | null;
  doNotCall: boolean;
  createdAt: string;
  updatedAt: string;
}
