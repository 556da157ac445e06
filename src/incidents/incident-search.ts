import { searchText } from '../platform/text';

// The folded search column of a case (migration 0008): case number, description and address.
export function incidentSearchText(row: {
  case_number: string;
  description: string;
  address: string | null;
}): string {
  return searchText(row.case_number, row.description, row.address);
}
