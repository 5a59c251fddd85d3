import '@testing-library/jest-dom/vitest';
import { cleanup, configure } from '@testing-library/react';
import { afterEach, vi } from 'vitest';
import { notifications } from '@mantine/notifications';
import { authStore } from '../lib/auth-store';

// Pages are lazy chunks; the first import of a heavy one (the dashboard's charts) is transformed
// on demand, which on a cold, busy worker can take longer than the default one second.
configure({ asyncUtilTimeout: 3000 });

// jsdom lacks the layout APIs Mantine reads.
Object.defineProperty(window, 'matchMedia', {
  writable: true,
  value: vi.fn().mockImplementation((query: string) => ({
    // Reduced motion makes Mantine's transitions synchronous: no timer outlives a test file.
    matches: query.includes('prefers-reduced-motion'),
    media: query,
    onchange: null,
    addListener: vi.fn(),
    removeListener: vi.fn(),
    addEventListener: vi.fn(),
    removeEventListener: vi.fn(),
    dispatchEvent: vi.fn(),
  })),
});

class ResizeObserverStub {
  observe() {}
  unobserve() {}
  disconnect() {}
}
window.ResizeObserver = ResizeObserverStub;
window.HTMLElement.prototype.scrollIntoView = () => {};

afterEach(() => {
  cleanup();
  authStore.reset();
  // Mantine keeps notifications in a module-level store that outlives each render.
  notifications.clean();
  vi.unstubAllGlobals();
});
