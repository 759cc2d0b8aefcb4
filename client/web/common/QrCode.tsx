import { useMemo } from 'react'
import { QR_QUIET_ZONE, qrPath } from '@/lib/qr/qr-path'

/** A QR code drawn as one SVG path: crisp at any size, no canvas, no injected markup. */
export function QrCode({ text, label, className }: { text: string; label: string; className?: string }) {
  const { size, path } = useMemo(() => qrPath(text), [text])
  const box = size + QR_QUIET_ZONE * 2
  return (
    <svg className={className} viewBox={`${-QR_QUIET_ZONE} ${-QR_QUIET_ZONE} ${box} ${box}`} role="img" aria-label={label} shapeRendering="crispEdges">
      <rect x={-QR_QUIET_ZONE} y={-QR_QUIET_ZONE} width={box} height={box} fill="#fff" />
      <path d={path} fill="#000" />
    </svg>
  )
}
