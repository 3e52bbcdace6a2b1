// The browser side of the exports, loaded at the first click on an export button: files through a Blob URL and
// <a download>, the PNG drawn from the SVG on a canvas, the Mermaid text on the clipboard. The texts themselves
// come from the pure functions of src/lessons/export.ts.
import { tm } from '../../content/modes'
import type { Lang } from '../../content/types'
import { exportFileName, mermaidText, svgDocument, transcriptText } from '../../lessons/export'
import type { Lesson } from '../../lessons/lesson'
import { saveFile } from '../download'

export type ExportKind = 'svg' | 'png' | 'mermaid' | 'text'

export interface ExportRequest {
  readonly lesson: Lesson
  /** Steps on screen; the export holds these, as the diagram does. */
  readonly shown: number
  readonly lang: Lang
  readonly eavesdropper: boolean
}

/** PNG pixels per CSS pixel: sharp on a projector and on paper. */
const PNG_SCALE = 2

/** The SVG document drawn on a canvas at PNG_SCALE, as a PNG file. */
async function pngOf(svg: string, width: number, height: number): Promise<Blob> {
  const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }))
  try {
    const img = new Image(width, height)
    img.src = url
    await img.decode()
    const canvas = document.createElement('canvas')
    canvas.width = Math.round(width * PNG_SCALE)
    canvas.height = Math.round(height * PNG_SCALE)
    const ctx = canvas.getContext('2d')
    if (!ctx) throw new Error('no 2d canvas')
    ctx.scale(PNG_SCALE, PNG_SCALE)
    ctx.drawImage(img, 0, 0, width, height)
    return await new Promise<Blob>((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('no PNG'))), 'image/png'))
  } finally {
    URL.revokeObjectURL(url)
  }
}

/** Carries out one export; resolves with the confirmation to show. */
export async function runExport(kind: ExportKind, r: ExportRequest): Promise<string> {
  const { lesson, shown, lang } = r
  const saved = (blob: Blob, ext: string) => {
    const file = exportFileName(lesson, shown, ext)
    saveFile(blob, file)
    return tm(lang, 'exportSaved', { file, n: shown })
  }
  switch (kind) {
    case 'svg':
      return saved(new Blob([svgDocument(lesson, shown, r).svg], { type: 'image/svg+xml' }), 'svg')
    case 'png': {
      const doc = svgDocument(lesson, shown, r)
      return saved(await pngOf(doc.svg, doc.width, doc.height), 'png')
    }
    case 'text':
      return saved(new Blob([transcriptText(lesson, shown)], { type: 'text/plain;charset=utf-8' }), 'txt')
    case 'mermaid': {
      const text = mermaidText(lesson, shown, lang)
      try {
        await navigator.clipboard.writeText(text)
        return tm(lang, 'exportCopied', { n: shown })
      } catch {
        // No clipboard (permission refused, an insecure page): the same text as a file.
        const file = exportFileName(lesson, shown, 'mmd')
        saveFile(new Blob([text], { type: 'text/plain;charset=utf-8' }), file)
        return tm(lang, 'exportCopyRefused', { file })
      }
    }
  }
}
