import { useState } from 'react';
import { App as AntApp, ConfigProvider } from 'antd';
import zhCNLocale from 'antd/locale/zh_CN';
import enUSLocale from 'antd/locale/en_US';
// Month and weekday names of the date pickers under zh_CN (dayjs comes with antd).
import 'dayjs/locale/zh-cn';
import { QueryClientProvider } from '@tanstack/react-query';
import { I18nProvider, useLocale } from '../i18n';
import { createQueryClient } from '../api/query-client';
import { AuthGate } from '../features/auth/AuthGate';
import { AppLayout } from './AppLayout';
import { WallApp } from '../features/wall/WallApp';
import { isWallDisplay } from './window-kind';
import { theme } from './theme';

function Themed() {
  const [locale] = useLocale();
  // No space inserted between two Chinese characters: a button says 登录, as written.
  return (
    <ConfigProvider locale={locale === 'zh-CN' ? zhCNLocale : enUSLocale} theme={theme} button={{ autoInsertSpace: false }}>
      <AntApp className="gd-antd-app">
        {isWallDisplay() ? (
          <WallApp />
        ) : (
          <AuthGate>
            <AppLayout />
          </AuthGate>
        )}
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
