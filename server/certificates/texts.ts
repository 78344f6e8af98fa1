/** The title and wording of each certificate the office issues (Italian, as the law has them). */
import type { CertificateKind } from '../../contract/certificates';

export interface CertificateText {
  title: string;
  intro: string;
  body: string;
  signedBy: string;
}

const REGISTRY = 'L’UFFICIALE D’ANAGRAFE';
const REGISTRY_INTRO =
  'L’Ufficiale d’Anagrafe, visti gli atti d’ufficio e le risultanze dell’Anagrafe della popolazione residente,';

/** `subject`: the name if known, else "la persona con il codice fiscale indicato". */
export function certificateText(
  kind: CertificateKind,
  subject: { name: string | null; fiscalCode: string | null },
): CertificateText {
  const who = subject.name ? subject.name : 'la persona con il codice fiscale indicato';
  switch (kind) {
    case 'residence':
      return {
        title: 'CERTIFICATO DI RESIDENZA',
        intro: REGISTRY_INTRO,
        body: `che ${who}, le cui generalità sono di seguito riportate, risulta iscritta nell’Anagrafe della popolazione residente di questo Comune.`,
        signedBy: REGISTRY,
      };
    case 'family':
      return {
        title: 'CERTIFICATO DI STATO DI FAMIGLIA',
        intro: REGISTRY_INTRO,
        body: `che ${who}, le cui generalità sono di seguito riportate, fa parte di una famiglia anagrafica iscritta in questo Comune, composta come risulta dai registri anagrafici alla data del rilascio.`,
        signedBy: REGISTRY,
      };
    case 'citizenship':
      return {
        title: 'CERTIFICATO DI CITTADINANZA',
        intro: REGISTRY_INTRO,
        body: `che ${who}, le cui generalità sono di seguito riportate, risulta in possesso della cittadinanza italiana.`,
        signedBy: REGISTRY,
      };
    case 'residence_history':
      return {
        title: 'CERTIFICATO STORICO DI RESIDENZA',
        intro: REGISTRY_INTRO,
        body: `che ${who}, le cui generalità sono di seguito riportate, risulta iscritta nell’Anagrafe della popolazione residente di questo Comune, con la residenza e le variazioni di indirizzo registrate negli atti anagrafici.`,
        signedBy: REGISTRY,
      };
    case 'birth':
      return {
        title: 'CERTIFICATO DI NASCITA',
        intro: 'L’Ufficiale dello Stato Civile, visti i registri degli atti di nascita di questo Comune,',
        body: `che nei registri degli atti di nascita risulta iscritto l’atto di nascita di ${who}, le cui generalità sono di seguito riportate.`,
        signedBy: 'L’UFFICIALE DELLO STATO CIVILE',
      };
    case 'voter':
      return {
        title: 'CERTIFICATO DI ISCRIZIONE NELLE LISTE ELETTORALI',
        intro: 'Il Responsabile dell’Ufficio Elettorale, viste le liste elettorali di questo Comune,',
        body: `che ${who}, le cui generalità sono di seguito riportate, risulta iscritta nelle liste elettorali di questo Comune.`,
        signedBy: 'IL RESPONSABILE DELL’UFFICIO ELETTORALE',
      };
    case 'combined':
      return {
        title: 'CERTIFICATO CONTESTUALE DI RESIDENZA, STATO DI FAMIGLIA E CITTADINANZA',
        intro: REGISTRY_INTRO,
        body: `che ${who}, le cui generalità sono di seguito riportate, risulta iscritta nell’Anagrafe della popolazione residente di questo Comune, fa parte di una famiglia anagrafica composta come risulta dai registri anagrafici alla data del rilascio, ed è in possesso della cittadinanza italiana.`,
        signedBy: REGISTRY,
      };
  }
}
