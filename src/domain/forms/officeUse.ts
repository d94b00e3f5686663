/**
 * 職員記入欄: the box on a counter form that only staff fill in — which identity document was
 * shown, the receipt number, who received and who keyed it in, how many copies were issued.
 * Each form's data names what its box holds (`officeUse` in the form file); the staff replica
 * and the resident's printed application draw it empty, for staff to fill in by hand.
 */
export const IDENTITY_DOCUMENTS = ['mynumberCard', 'driversLicense', 'residenceCard', 'passport', 'healthInsurance', 'other'] as const
export type IdentityDocument = (typeof IDENTITY_DOCUMENTS)[number]

export const OFFICE_ITEMS = ['receiptNumber', 'receivedBy', 'enteredBy', 'copies'] as const
export type OfficeItem = (typeof OFFICE_ITEMS)[number]

export interface OfficeUse {
  /** 本人確認書類 checkboxes, in this order. */
  identityDocuments: IdentityDocument[]
  /** Boxes to write in, in this order (`copies`, 交付枚数, only where something is issued). */
  items: OfficeItem[]
}

/** Staff-facing, so Japanese only (like the rest of the replica). */
export const IDENTITY_DOCUMENT_LABELS: Record<IdentityDocument, string> = {
  mynumberCard: 'マイナンバーカード',
  driversLicense: '運転免許証',
  residenceCard: '在留カード',
  passport: 'パスポート',
  healthInsurance: '健康保険証',
  other: 'その他',
}
export const OFFICE_ITEM_LABELS: Record<OfficeItem, { label: string; unit?: string }> = {
  receiptNumber: { label: '受付番号' },
  receivedBy: { label: '受付者' },
  enteredBy: { label: '入力者' },
  copies: { label: '交付枚数', unit: '枚' },
}

export interface PresentedOfficeUse {
  title: string
  identityLabel: string
  identityDocuments: { id: IdentityDocument; label: string }[]
  items: { id: OfficeItem; label: string; unit?: string }[]
}

export function presentOfficeUse(officeUse: OfficeUse | undefined): PresentedOfficeUse | undefined {
  if (!officeUse) return undefined
  return {
    title: '職員記入欄',
    identityLabel: '本人確認書類',
    identityDocuments: officeUse.identityDocuments.map((id) => ({ id, label: IDENTITY_DOCUMENT_LABELS[id] })),
    items: officeUse.items.map((id) => ({ id, ...OFFICE_ITEM_LABELS[id] })),
  }
}
