import QRCode from 'qrcode';

/**
 * A URL as a QR code in SVG, drawn on the server: the phone's bundle carries no QR encoder, and
 * the SVG (about 2 kB) prints sharp at any size. Error correction M survives a creased receipt.
 */
export function trackingQrSvg(url: string): Promise<string> {
  return QRCode.toString(url, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
}
