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
    icons: [
      { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png' },
      { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png' },
      { src: '/icons/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
    ],
  };
}
