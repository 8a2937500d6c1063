import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ServiceError } from '../../errors';

/** A font file to embed, and the face to take from it when it is a collection (.ttc). */
export interface ReportFont {
  path: string;
  /** The PostScript name of the face in a .ttc, e.g. NotoSansCJKsc-Regular. */
  face?: string;
}

/** Where a font can be named by hand: a path, and for a .ttc the face's PostScript name. */
export const FONT_ENV = 'GRIDDESK_REPORT_FONT';
export const FONT_FACE_ENV = 'GRIDDESK_REPORT_FONT_NAME';

/** The Chinese fonts the systems GridDesk runs on ship or install, most fitting first. */
export function knownFonts(platform: NodeJS.Platform, env: NodeJS.ProcessEnv): ReportFont[] {
  if (platform === 'win32') {
    const fonts = join(env.WINDIR ?? env.SystemRoot ?? 'C:\\Windows', 'Fonts');
    return [
      { path: join(fonts, 'msyh.ttc'), face: 'MicrosoftYaHei' },
      { path: join(fonts, 'simhei.ttf') },
      { path: join(fonts, 'simsun.ttc'), face: 'SimSun' },
    ];
  }
  if (platform === 'darwin') {
    return [
      { path: '/System/Library/Fonts/PingFang.ttc', face: 'PingFangSC-Regular' },
      { path: '/System/Library/Fonts/STHeiti Light.ttc', face: 'STHeitiSC-Light' },
      { path: '/System/Library/Fonts/STHeiti Medium.ttc', face: 'STHeitiSC-Medium' },
    ];
  }
  const noto = 'NotoSansCJKsc-Regular';
  return [
    { path: '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc', face: noto },
    { path: '/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc', face: noto },
    { path: '/usr/share/fonts/google-noto-cjk/NotoSansCJK-Regular.ttc', face: noto },
    { path: '/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc', face: 'NotoSerifCJKsc-Regular' },
    { path: '/usr/share/fonts/truetype/wqy/wqy-microhei.ttc', face: 'WenQuanYiMicroHei' },
  ];
}

/**
 * The font the 日报 PDF embeds: the one named in GRIDDESK_REPORT_FONT, or the first known Chinese
 * font present. None is refused, naming what to install: a PDF is never made with missing glyphs.
 */
export function findReportFont(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform, exists: (path: string) => boolean = existsSync): ReportFont {
  const named = env[FONT_ENV]?.trim();
  const candidates: ReportFont[] = named ? [{ path: named, ...(env[FONT_FACE_ENV]?.trim() ? { face: env[FONT_FACE_ENV].trim() } : {}) }] : knownFonts(platform, env);
  const found = candidates.find((f) => exists(f.path));
  if (!found) throw new ServiceError('NOT_FOUND', 'report.noFont', { searched: candidates.map((f) => f.path).join('; ') });
  return found;
}
