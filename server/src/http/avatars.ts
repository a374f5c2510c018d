import { createHash } from 'node:crypto';

import type { RequestHandler } from 'express';

const COLORS = [
  '#6666c4',
  '#5c8a3a',
  '#a35200',
  '#8f3d8f',
  '#1f75cb',
  '#c91c00',
  '#00857a',
  '#7a5c00',
];
const USERNAME = /^[A-Za-z0-9_.-]{1,255}$/;

/** An initials avatar as SVG; the colour is stable per username. */
export function avatarSvg(username: string): string {
  const initial = escapeXml(username.slice(0, 1).toUpperCase());
  const digest = createHash('sha256').update(username).digest();
  const color = COLORS[(digest[0] ?? 0) % COLORS.length] ?? '#6666c4';
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="64" height="64" viewBox="0 0 64 64">` +
    `<rect width="64" height="64" rx="32" fill="${color}"/>` +
    `<text x="32" y="41" font-family="sans-serif" font-size="28" font-weight="600" fill="#fff" text-anchor="middle">${initial}</text>` +
    `</svg>`
  );
}

/** GET /avatars/:username.svg — drawn locally because the machines have no avatar service. */
export const avatarHandler: RequestHandler<{ file: string }> = (req, res) => {
  const username = req.params.file.replace(/\.svg$/, '');
  if (!USERNAME.test(username)) {
    res.status(404).type('text/plain').send('Not found');
    return;
  }
  res.type('image/svg+xml').set('Cache-Control', 'public, max-age=86400').send(avatarSvg(username));
};

function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
