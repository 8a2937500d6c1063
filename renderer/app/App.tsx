import { useState } from 'react';
import { App as AntApp, ConfigProvider } from 'antd';
import zhCNLocale from 'antd/locale/zh_CN';
import enUSLocale from 'antd/locale/en_US';
import { QueryClientProvider } from '@tanstack/react-query';
import { I18nProvider, useLocale } from '../i18n';
import { createQueryClient } from '../api/query-client';
import { AppLayout } from './AppLayout';
import { theme } from './theme';

function Themed() {
  const [locale] = useLocale();
  return (
    <ConfigProvider locale={locale === 'zh-CN' ? zhCNLocale : enUSLocale} theme={theme}>
      <AntApp className="gd-antd-app">
        <AppLayout />
      </AntApp>
    </ConfigProvider>
  );
}

export function App() {
  const [client] = useState(createQueryClient);
  return (
    <I18nProvider>
      <QueryClientProvider client={client}>
        <Themed />
      </QueryClientProvider>
    </I18nProvider>
  );
}
