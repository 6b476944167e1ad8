// Shrinks a PNG to a 256-colour palette with sharp (which Next.js installs for its image optimizer) when it is
// there; otherwise the PNG is kept as it came. Used by make-icons.mjs and make-screenshots.mjs.
export async function optimizePng(png) {
  try {
    const { default: sharp } = await import('sharp');
    return await sharp(png).png({ palette: true, quality: 90, compressionLevel: 9, effort: 10 }).toBuffer();
  } catch {
    return png;
  }
}
