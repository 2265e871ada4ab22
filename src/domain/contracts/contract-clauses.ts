/**
 * The purchase contract's fixed wording, English with its Simplified Chinese text. Order data (prices, terms,
 * packaging, the PO's own defect and penalty clauses) is filled in by purchase-contract.ts; what stays the same
 * from order to order lives here, so a lawyer can review one file.
 */
export interface Bilingual {
  en: string;
  zh: string;
}

export const TITLE: Bilingual = { en: 'PURCHASE CONTRACT', zh: '采购合同' };

export const HEADINGS = {
  parties: { en: 'Parties', zh: '合同双方' },
  goods: { en: 'Goods, specifications and prices', zh: '货物、规格及价格' },
  price: { en: 'Price and delivery terms', zh: '价格及交货条款' },
  payment: { en: 'Payment', zh: '付款方式' },
  delivery: { en: 'Lead time and shipment', zh: '交货期及装运' },
  packaging: { en: 'Packaging and marking', zh: '包装及唛头' },
  inspection: { en: 'Inspection', zh: '检验' },
  defects: { en: 'Defects and penalties', zh: '质量异议及违约责任' },
  confidentiality: { en: 'Confidentiality and tooling', zh: '保密及模具' },
  governing: { en: 'Governing law and disputes', zh: '适用法律及争议解决' },
  signatures: { en: 'Signatures', zh: '签署' },
} as const satisfies Record<string, Bilingual>;

export const BUYER: Bilingual = { en: 'Buyer', zh: '买方' };
export const SELLER: Bilingual = { en: 'Seller', zh: '卖方' };

export const PREAMBLE: Bilingual = {
  en: 'The Buyer agrees to buy and the Seller agrees to sell the goods below on the terms of this contract.',
  zh: '买卖双方同意按本合同条款买卖下列货物。',
};

export const SPECS: Bilingual = {
  en: 'The goods shall conform to the specifications, drawings and approved samples listed below, which form part of this contract.',
  zh: '货物须符合下列规格、图纸及确认样品，上述文件为本合同的组成部分。',
};

export const DEFECTS_STANDARD: Bilingual = {
  en: "Goods found defective at any inspection shall be reworked or replaced at the Seller's cost before shipment, and the re-inspection shall be paid by the Seller. Passing an inspection does not release the Seller from liability for latent defects found within 12 months after delivery.",
  zh: '任何检验中发现的不合格货物，卖方须在装运前自费返工或更换，复检费用由卖方承担。检验合格不免除卖方对交货后十二个月内发现的隐蔽缺陷所负的责任。',
};

export const CONFIDENTIALITY: Bilingual = {
  en: "The Seller keeps this contract, the Buyer's designs, drawings and brand confidential, shall not sell goods made to them to anyone else, and shall not subcontract production without the Buyer's written consent. Moulds and tooling paid for by the Buyer remain the Buyer's property.",
  zh: '卖方须对本合同及买方的设计、图纸和品牌保密，不得将按其生产的货物销售给任何第三方，未经买方书面同意不得将生产外包。由买方付费的模具及工装归买方所有。',
};

export const GOVERNING: Bilingual = {
  en: "This contract is governed by the laws of the People's Republic of China. Disputes shall first be settled by negotiation; failing that, they shall be submitted to the China International Economic and Trade Arbitration Commission (CIETAC) for arbitration under its rules in force, and the award is final and binding on both parties. The English and Chinese texts are equally authentic. The contract takes effect when signed and sealed by both parties.",
  zh: '本合同适用中华人民共和国法律。双方应首先通过协商解决争议；协商不成的，提交中国国际经济贸易仲裁委员会按其现行有效的仲裁规则进行仲裁，仲裁裁决是终局的，对双方均有约束力。本合同中英文文本具有同等效力。本合同自双方签字盖章之日起生效。',
};

export const SIGN_FOR: Bilingual = { en: 'Signature and company seal', zh: '签字及公司盖章' };
