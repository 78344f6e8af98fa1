'use client';
import { createContext, useContext } from 'react';
import type { LanguageCode } from '../i18n/languages';
import type { Me } from '../contract/auth';
import type { Office as OfficeItem } from '../contract/offices';

export interface AdminContextValue {
  me: Me;
  lang: LanguageCode;
  /** The office the pages show; chosen in the top bar. */
  officeId: string | null;
  offices: OfficeItem[];
  /** Makes another office the one the pages show (as the top bar's choice does). */
  chooseOffice: (id: string) => void;
  /** Reads the office list again (after an office was created or renamed). */
  reloadOffices: () => Promise<void>;
  /** The session ended (401): back to the login form. */
  onUnauthorized: () => void;
}

export const AdminContext = createContext<AdminContextValue | null>(null);

export function useAdmin(): AdminContextValue {
  const v = useContext(AdminContext);
  if (!v) throw new Error('useAdmin outside the admin shell');
  return v;
}
