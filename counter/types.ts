/** The clerk screen's own shapes (the API's answers are typed by contract/). */
import { outcomeSchema, type Outcome } from '../contract/enums';

export const outcomes: readonly Outcome[] = outcomeSchema.options;

export type { Notice } from '../ui/staff/notice';
