import { Segmented } from 'antd';
import { useLocale, useT, type Locale } from '../i18n';

/** 中文 / EN: in the header, and on the sign-in pages. */
export function LanguageSwitch() {
  const t = useT();
  const [locale, setLocale] = useLocale();
  return (
    <Segmented<Locale>
      size="small"
      aria-label={t('app.language')}
      data-testid="language-switch"
      value={locale}
      onChange={setLocale}
      options={[
        { label: '中文', value: 'zh-CN' },
        { label: 'EN', value: 'en' },
      ]}
    />
  );
}
