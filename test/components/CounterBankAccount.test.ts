import { sameInEveryLanguage, withAddedFromEnglish } from '../../src/domain/language'
import { beforeEach, describe, expect, it } from 'vitest'
import { createApp, h, nextTick, ref } from 'vue'
import { createPinia, setActivePinia } from 'pinia'
import { i18n, loadFeatureMessages } from '../../src/i18n'
import CounterBankAccount from '../../src/features/counter/CounterBankAccount.vue'
import type { BankAccountField } from '../../src/domain/forms/types'
import { emptyBankAccount, type BankAccountAnswer, type BankPart } from '../../src/domain/forms/bankAccount'

const field: BankAccountField = { id: 'account', type: 'bankAccount', label: withAddedFromEnglish({ ja: '振込先口座', 'ja-easy': '振込先口座', en: 'Account' }), required: true }

async function render(props: { error?: string; errorPart?: BankPart } = {}) {
  await loadFeatureMessages('counter', 'ja')
  const el = document.createElement('div')
  document.body.append(el)
  const pinia = createPinia()
  setActivePinia(pinia)
  const value = ref<BankAccountAnswer>(emptyBankAccount())
  let blurs = 0
  createApp({
    render: () =>
      h(CounterBankAccount, {
        field,
        id: 'f-account',
        modelValue: value.value,
        ...props,
        'onUpdate:modelValue': (v: BankAccountAnswer) => (value.value = v),
        onBlur: () => blurs++,
      }),
  })
    .use(pinia)
    .use(i18n)
    .mount(el)
  await nextTick()
  const input = (part: string) => el.querySelector<HTMLInputElement>(`[data-testid="bank-${part}"]`)!
  const type = async (part: string, text: string) => {
    const i = input(part)
    i.value = text
    i.dispatchEvent(new Event('input'))
    i.dispatchEvent(new FocusEvent('blur'))
    await nextTick()
  }
  return { el, value, input, type, blurs: () => blurs }
}

describe('CounterBankAccount', () => {
  beforeEach(() => {
    document.body.innerHTML = ''
    localStorage.clear()
  })

  it('every part has its own label; the ゆうちょ note and the number hint are read with the number', async () => {
    const { el, input } = await render()
    for (const part of ['bankCode', 'bankName', 'branchCode', 'branchName', 'number', 'holder']) {
      const id = input(part).id
      expect(el.querySelector(`label[for="${id}"]`)?.textContent, part).toBeTruthy()
    }
    expect(el.querySelectorAll('input[type="radio"]')).toHaveLength(3)
    expect(el.querySelector('legend')?.textContent).toContain('振込先口座')
    const describedby = input('number').getAttribute('aria-describedby')!.split(' ')
    expect(describedby).toContain('f-account-yucho')
    expect(el.querySelector('#f-account-yucho')?.textContent).toContain('ゆうちょ銀行')
  })

  it('leaving a part tidies the account: full-width digits, a short 口座番号, hiragana 名義', async () => {
    const { value, type, el } = await render()
    await type('bankCode', '０００５')
    await type('number', '12345')
    await type('holder', 'やまだ たろう')
    el.querySelector<HTMLInputElement>('[data-testid="bank-kind-toza"]')!.dispatchEvent(new Event('change'))
    await nextTick()
    expect(value.value).toMatchObject({ bankCode: '0005', number: '0012345', holder: 'ヤマダ　タロウ', kind: 'toza' })
  })

  it('the error is tied to the part it is about (aria-invalid and described by the error)', async () => {
    const { input } = await render({ error: '口座番号は7桁までの数字で入力してください。', errorPart: 'number' })
    expect(input('number').getAttribute('aria-invalid')).toBe('true')
    expect(input('number').getAttribute('aria-describedby')!.split(' ')[0]).toBe('f-account-error')
    expect(input('bankCode').getAttribute('aria-invalid')).toBeNull()
  })

  it('moving between parts is not leaving the field; leaving the last part is', async () => {
    const { input, blurs } = await render()
    input('bankCode').dispatchEvent(new FocusEvent('focusout', { bubbles: true, relatedTarget: input('bankName') }))
    expect(blurs()).toBe(0)
    input('holder').dispatchEvent(new FocusEvent('focusout', { bubbles: true, relatedTarget: null }))
    expect(blurs()).toBe(1)
  })
})
