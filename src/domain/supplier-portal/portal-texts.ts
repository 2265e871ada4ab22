/**
 * Every word the supplier portal and its prompt mails show, in 简体中文 and English. Chinese is the default for
 * factories in mainland China (their time zone says so); the page has a visible switch and remembers the choice.
 */
import type { InspectionType } from '../models/inspection.ts';
import type { MilestoneKind } from '../models/milestone.ts';

export const LANGUAGES = ['zh', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

const CHINA_ZONES = new Set(['Asia/Shanghai', 'Asia/Urumqi', 'Asia/Chongqing', 'Asia/Harbin', 'Asia/Hong_Kong', 'Asia/Macau', 'Asia/Taipei']);

/** The language a factory gets before it chooses: Chinese in China, English elsewhere. */
export function defaultLanguage(supplierTimeZone: string | undefined): Language {
  return supplierTimeZone === undefined || CHINA_ZONES.has(supplierTimeZone) ? 'zh' : 'en';
}

export function isLanguage(value: unknown): value is Language {
  return value === 'zh' || value === 'en';
}

const MILESTONES_ZH: Record<MilestoneKind, string> = {
  'Tooling kickoff': '开模',
  'Sample approval': '样品确认',
  'Materials ready': '物料到齐',
  IPI: '产前检验 (IPI)',
  'Production start': '开始生产',
  DUPRO: '中期检验 (DUPRO)',
  'Production complete': '生产完成',
  PSI: '出货前检验 (PSI)',
  Booking: '订舱',
  'Cargo ready': '货物备妥',
  'Container loading': '装柜',
  ETD: '开船 (ETD)',
  ETA: '到港 (ETA)',
  Delivered: '交货',
  'Deposit paid': '定金已付',
  'Balance paid': '尾款已付',
};

const INSPECTIONS_ZH: Record<InspectionType, string> = {
  IPI: '产前检验 (IPI)',
  DUPRO: '中期检验 (DUPRO)',
  PSI: '出货前检验 (PSI)',
  CLC: '装柜监督 (CLC)',
  'Factory audit': '验厂',
};

export function milestoneName(kind: MilestoneKind, lang: Language): string {
  return lang === 'zh' ? MILESTONES_ZH[kind] : kind;
}

export function inspectionName(type: InspectionType, lang: Language): string {
  return lang === 'zh' ? INSPECTIONS_ZH[type] : type;
}

const EN = {
  title: 'Supplier portal',
  switchTo: '中文',
  forFactory: 'Orders from {agency}',
  openOrders: 'Open orders',
  noOrders: 'No open orders right now.',
  shipBy: 'Ship by',
  orderDate: 'Order date',
  progress: 'Production progress',
  toDo: 'To do',
  askAcknowledge: 'Please confirm this new order',
  askMilestone: 'Confirm {milestone} (due {date})',
  askOverdue: '{milestone} is overdue since {date}: mark it done or propose a new date',
  askReady: 'Tell us when goods are ready for {inspection}',
  askNothing: 'Nothing is asked of you on this order right now. Thank you!',
  lines: 'Items and specs',
  qty: 'Qty',
  perCarton: 'per carton',
  cartonSize: 'Carton',
  marks: 'Shipping marks',
  packaging: 'Packaging',
  inspectionProtocol: 'Inspection requirements',
  milestones: 'Schedule',
  planned: 'Planned',
  actual: 'Done',
  proposed: 'You proposed',
  waiting: 'waiting for {agency}',
  declined: 'declined by {agency}',
  inspections: 'Inspections booked',
  scheduled: 'Booked for',
  notBooked: 'date not fixed yet',
  goodsReady: 'Goods ready',
  result: 'Result',
  confirm: 'Confirm order',
  reject: 'Reject order',
  rejectReason: 'Reason for rejecting',
  acknowledged: 'You confirmed this order on {date}.',
  rejected: 'You rejected this order on {date}.',
  markDone: 'Mark done',
  doneOn: 'Done on',
  proposeDate: 'Propose a new date',
  newDate: 'New date',
  reason: 'Reason',
  send: 'Send',
  setProgress: 'Update progress',
  percent: 'Percent done',
  readyFor: 'Goods ready on',
  postUpdate: 'Post an update with photos',
  about: 'About',
  wholeOrder: 'The whole order',
  message: 'Message',
  files: 'Photos or short videos',
  yourName: 'Your name',
  saved: 'Saved. Thank you!',
  back: 'All orders',
  expiredTitle: 'This link has expired',
  revokedTitle: 'This link is no longer valid',
  invalidTitle: 'This link is not valid',
  newLinkHow: 'Please ask your contact at {agency} for a new link (by WeChat or email). Links last {days} days.',
  newLinkHowGeneric: 'Please ask the sourcing agency that sent it for a new link (by WeChat or email).',
  notFound: 'No such order in your list.',
  badForm: 'The form could not be saved: {problem}',
  rateLimited: 'Too many requests from this link. Please wait a minute and try again.',
  tooLarge: 'A file is too large (at most {mb} MB each).',
  badType: 'Only photos (JPEG, PNG, WebP, HEIC) and short videos (MP4, MOV) can be uploaded.',
  staleForm: 'This page was out of date; please try again.',
  orderStatus: 'Status',
  statusNew: 'New order',
  statusProduction: 'In production',
  statusInspection: 'Inspection',
  statusReady: 'Ready to ship',
  hint: 'Bookmark this page: it is your own link; please do not forward it.',
} as const;

export type TextKey = keyof typeof EN;

const ZH: Record<TextKey, string> = {
  title: '供应商门户',
  switchTo: 'English',
  forFactory: '{agency} 的订单',
  openOrders: '进行中的订单',
  noOrders: '目前没有进行中的订单。',
  shipBy: '最晚出货',
  orderDate: '下单日期',
  progress: '生产进度',
  toDo: '待办',
  askAcknowledge: '请确认这份新订单',
  askMilestone: '请确认 {milestone}（计划 {date}）',
  askOverdue: '{milestone} 自 {date} 起已逾期：请标记完成或提出新日期',
  askReady: '请告知 {inspection} 的备货日期',
  askNothing: '这份订单目前没有需要您处理的事项。谢谢！',
  lines: '产品与规格',
  qty: '数量',
  perCarton: '每箱',
  cartonSize: '外箱',
  marks: '唛头',
  packaging: '包装要求',
  inspectionProtocol: '验货要求',
  milestones: '生产计划',
  planned: '计划',
  actual: '完成',
  proposed: '您提出的新日期',
  waiting: '等待 {agency} 确认',
  declined: '{agency} 未接受',
  inspections: '已安排的验货',
  scheduled: '验货日期',
  notBooked: '日期待定',
  goodsReady: '备货日期',
  result: '结果',
  confirm: '确认订单',
  reject: '拒绝订单',
  rejectReason: '拒绝原因',
  acknowledged: '您已于 {date} 确认此订单。',
  rejected: '您已于 {date} 拒绝此订单。',
  markDone: '标记完成',
  doneOn: '完成日期',
  proposeDate: '提出新日期',
  newDate: '新日期',
  reason: '原因',
  send: '提交',
  setProgress: '更新进度',
  percent: '完成百分比',
  readyFor: '备货日期',
  postUpdate: '发布进展（可附照片）',
  about: '相关事项',
  wholeOrder: '整个订单',
  message: '说明',
  files: '照片或短视频',
  yourName: '您的姓名',
  saved: '已保存，谢谢！',
  back: '全部订单',
  expiredTitle: '此链接已过期',
  revokedTitle: '此链接已失效',
  invalidTitle: '此链接无效',
  newLinkHow: '请联系 {agency} 的对接人（微信或邮件）索取新链接。链接有效期为 {days} 天。',
  newLinkHowGeneric: '请联系发送此链接的采购代理（微信或邮件）索取新链接。',
  notFound: '您的订单中没有这个订单。',
  badForm: '无法保存：{problem}',
  rateLimited: '此链接的请求过多，请稍等一分钟再试。',
  tooLarge: '文件过大（每个最多 {mb} MB）。',
  badType: '只能上传照片（JPEG、PNG、WebP、HEIC）和短视频（MP4、MOV）。',
  staleForm: '页面已过期，请重试。',
  orderStatus: '状态',
  statusNew: '新订单',
  statusProduction: '生产中',
  statusInspection: '验货',
  statusReady: '待出货',
  hint: '请收藏此页面：这是您专属的链接，请勿转发。',
};

const TEXTS: Record<Language, Record<TextKey, string>> = { en: EN, zh: ZH };

/** The text in the language, with `{name}` placeholders filled in. */
export function t(lang: Language, key: TextKey, values: Record<string, string | number> = {}): string {
  return TEXTS[lang][key].replace(/\{(\w+)\}/g, (_, name: string) => String(values[name] ?? `{${name}}`));
}
