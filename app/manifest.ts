import type { MetadataRoute } from 'next';

export const dynamic = 'force-static';

export default function manifest(): MetadataRoute.Manifest {
  return {
    id: '/zh',
    name: '普法学堂',
    short_name: '普法学堂',
    description: '镇村学法、普法宣传与法律咨询，离线也能用',
    lang: 'zh-CN',
    start_url: '/zh',
    scope: '/',
    display: 'standalone',
    orientation: 'portrait',
    background_color: '#f8f5f0',
    theme_color: '#b91c1c',
    shortcuts: [
      { name: '每日一练', short_name: '每日一练', url: '/zh/quiz/daily', icons: [{ src: '/icons/icon-192.png', sizes: '192x192' }] },
      { name: '法规搜索', short_name: '法规搜索', url: '/zh/laws/search', icons: [{ src: '/icons/icon-192.png', sizes: '192x192' }] },
    ],
    // Shown by Chrome's richer install sheet; made by scripts/make-screenshots.mjs from the demo at 360 × 740.
    screenshots: [
      {
        src: '/screenshots/home-360.png',
        sizes: '720x1480',
        type: 'image/png',
        form_factor: 'narrow',
        label: '首页：本周任务、每日一练、继续学习',
      },
      {
        src: '/screenshots/lesson-360.png',
        sizes: '720x1480',
        type: 'image/png',
        form_factor: 'narrow',
        label: '课程：离线阅读，法条一点即看',
      },
    ],
    icons: [
      { src: '/icons/icon.svg', sizes: 'any', type: 'image/svg+xml' },
      { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png' },
      { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png' },
      { src: '/icons/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
    ],
  };
}
