/**
 * Short Chinese names of the checks' rules, for chat messages to Chinese-speaking teams (the alert's own message
 * stays in English below it). A rule without a label here is shown by its English message only.
 */
export const RULE_LABELS_ZH: Readonly<Record<string, string>> = {
  'aql-plan-mismatch': 'AQL 抽样方案不符',
  'balance-before-psi': '验货前付尾款',
  'buffer-consumed': '缓冲期已用尽',
  'calendar-conflict': '节假日冲突',
  'certificate-expiring': '证书即将过期',
  'contract-incomplete': '合同不完整',
  'export-documents-missing': '缺少出口单据',
  'inspection-failed': '验货不合格',
  'late-milestone': '节点延误',
  'milestone-at-risk': '节点有延误风险',
  'missing-dupro': '缺少中期验货',
  'missing-ipi': '缺少产前验货',
  'missing-milestone-plan': '缺少生产计划',
  'missing-psi': '缺少出货前验货',
  'missing-quality-benchmarks': '缺少质量标准',
  'shipment-without-psi': '未验货即出货',
  'stale-updates': '长时间无更新',
  'supplier-not-qualified': '供应商未合格',
  'client-changes-requested': '客户要求修改',
  'target-missed': '无法按期交货',
  'evaluation-rejected': '供应商评估未通过',
  'booking-due': '需订舱',
};
