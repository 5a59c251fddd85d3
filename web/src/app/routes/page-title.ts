import { useDocumentTitle } from '@mantine/hooks';

/** The browser tab names the page, so operators with many tabs open find theirs. */
export function usePageTitle(title: string) {
  useDocumentTitle(title ? `${title} · Navaia` : 'Navaia');
}
