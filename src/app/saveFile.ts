/** Offers text as a file download (a blob: URL — nothing leaves the device). */
export function saveFile(name: string, body: string, type: string): void {
  const href = URL.createObjectURL(new Blob([body], { type }))
  const a = document.createElement('a')
  a.href = href
  a.download = name
  a.click()
  setTimeout(() => URL.revokeObjectURL(href), 1000)
}

/** Hands the file to the phone's share sheet where files can be shared, else downloads it. */
export async function shareOrSaveFile(name: string, body: string, type: string): Promise<void> {
  const file = new File([body], name, { type })
  if (navigator.canShare?.({ files: [file] })) {
    await navigator.share({ files: [file], title: name }).catch(() => undefined)
    return
  }
  saveFile(name, body, type)
}
