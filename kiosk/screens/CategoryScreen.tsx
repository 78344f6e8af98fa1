'use client';
/** The services of one category. */
import { textIn } from '../../contract/languages';
import type { Category, Service } from '../../contract/catalog';
import { useTranslations } from '../../ui/intl';
import type { LanguageCode } from '../../i18n/languages';
import styles from '../kiosk.module.css';
import type { HeadingRef } from './heading';
import { BackButton } from './BackButton';
import { ServiceList } from './ServiceTile';
import { Emoji } from '../Emoji';

export function CategoryScreen({
  lang,
  headingRef,
  category,
  services,
  onBack,
  onService,
}: {
  lang: LanguageCode;
  headingRef: HeadingRef;
  category: Category;
  services: Service[];
  onBack: () => void;
  onService: (s: Service) => void;
}) {
  const t = useTranslations('kiosk');
  return (
    <div className={styles.screen}>
      <div className={styles.screenHead}>
        <BackButton onClick={onBack} />
        <h1 ref={headingRef} tabIndex={-1} className={styles.title}>
          <Emoji text={category.icon} className={styles.titleEmoji} />
          {textIn(category.name, lang)}
        </h1>
      </div>
      <p className={styles.lead}>{t('chooseService')}</p>
      <ServiceList services={services} lang={lang} onChoose={onService} className={styles.scroll} />
    </div>
  );
}
