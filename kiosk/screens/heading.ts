import type { RefObject } from 'react';

/** Every kiosk screen has exactly one h1, focused on arrival so screen readers announce the new step. */
export type HeadingRef = RefObject<HTMLHeadingElement | null>;
