// Reached only for paths outside any locale; the proxy sends everything else to /zh or /en.
export default function GlobalNotFound() {
  return (
    <html lang="zh-CN">
      <body style={{ fontFamily: 'system-ui, sans-serif', padding: 24 }}>
        <h1>页面不存在 · Page not found</h1>
        <p>
          <a href="/zh">回到首页</a> · <a href="/en">Home</a>
        </p>
      </body>
    </html>
  );
}
