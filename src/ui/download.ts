/** Saves `blob` as a file named `name` (the browser's download). */
export function saveFile(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob)
  const a = document.createElement('a')
  a.href = url
  a.download = name
  a.hidden = true
  document.body.append(a)
  a.click()
  a.remove()
  // The download has started by then; the URL would otherwise hold the blob until the page closes.
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
}
