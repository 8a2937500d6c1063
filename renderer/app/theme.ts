import type { ThemeConfig } from 'antd';

export const FONT_FAMILY =
  '"PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", -apple-system, "Segoe UI", Roboto, sans-serif';

/** Command-center look: deep navy chrome, a calm blue accent, compact controls. */
export const theme: ThemeConfig = {
  token: {
    colorPrimary: '#1f5fbf',
    colorInfo: '#1f5fbf',
    borderRadius: 6,
    fontFamily: FONT_FAMILY,
    fontSize: 14,
  },
  components: {
    Layout: {
      siderBg: '#0e1f3b',
      headerBg: '#ffffff',
      headerHeight: 56,
      headerPadding: '0 20px',
      bodyBg: '#eef1f5',
    },
    Menu: {
      darkItemBg: '#0e1f3b',
      darkSubMenuItemBg: '#0a1830',
      darkItemSelectedBg: '#1f5fbf',
      itemHeight: 44,
    },
  },
};
