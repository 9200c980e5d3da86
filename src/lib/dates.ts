import { monthNameLong } from './period.ts';

/** `2025-12-08` → `8 December 2025`, independent of the machine's locale and zone. */
export function formatDate(iso: string): string {
  const [year, month, day] = iso.split('-').map(Number);
  return `${day} ${monthNameLong(month)} ${year}`;
}
