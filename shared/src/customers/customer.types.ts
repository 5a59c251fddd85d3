export interface CustomerView {
  id: string;
  displayName: string;
  firstName: string | null;
  lastName: string | null;
  email: string | null;
  phone: string;
  timezone: string | null;
  tags: string[];
  notes: string | null;
  doNotCall: boolean;
  createdAt: string;
  updatedAt: string;
}
