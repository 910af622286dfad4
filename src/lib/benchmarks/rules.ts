/**
 * The article's sales-model rules (benchmarks.md "Sales-model rules") and the qualitative findings the
 * recommendations cite, each with its Chinese sentence verbatim and a plain English rendering.
 */
import type { z } from "zod";
import type { FindingId, RuleId, findingSchema, ruleSchema } from "./schema";

type RuleInput = z.input<typeof ruleSchema>;
type FindingInput = z.input<typeof findingSchema>;

export const RULES_XANT_2020: Record<RuleId, RuleInput> = {
  "model.transactional.deal_max": {
    id: "model.transactional.deal_max",
    value: 35_000,
    unit: "usd",
    display: "$35,000",
    label: "Deal size: transactional below, relationship above",
    transactionalSide: "deal size under $35,000",
    relationshipSide: "deal size over $35,000",
    confidence: "high",
    sourceZh: "小额交易规模(低于35,000美元)",
    sourceEn: "Small deal size (under $35,000)",
    counterSourceZh: "更大的交易规模(超过35,000美元)",
    counterSourceEn: "Larger deal size (over $35,000)",
    caveat:
      "The org-structure section uses $32,000 instead: $32,000–$35,000 is treated as a borderline zone.",
  },
  "model.relationship.deal_min_structure": {
    id: "model.relationship.deal_min_structure",
    value: 32_000,
    unit: "usd",
    display: "$32,000",
    label: "Relationship model threshold of the org-structure section",
    transactionalSide: "deal size under $32,000",
    relationshipSide: "deal size over $32,000",
    confidence: "medium",
    sourceZh: "在关系型销售模式中——交易金额超过3.2万美元——某些职位的出现频率高于其他职位。",
    sourceEn:
      "In the relationship selling model (deals over $32,000), some positions appear more often than others.",
    counterSourceZh: null,
    counterSourceEn: null,
    caveat: "Differs from the $35,000 of the model lists; the engine treats $32,000–$35,000 as borderline.",
  },
  "model.cycle_days": {
    id: "model.cycle_days",
    value: 90,
    unit: "days",
    display: "90 days",
    label: "Sales cycle: transactional under 90 days, relationship 90 days or more",
    transactionalSide: "sales cycle under 90 days",
    relationshipSide: "sales cycle of 90 days or more",
    confidence: "high",
    sourceZh: "快速销售周期(<90天)",
    sourceEn: "Fast sales cycle (under 90 days)",
    counterSourceZh: "销售周期缓慢(90天)",
    counterSourceEn: "Slow sales cycle (90 days)",
    caveat: 'The relationship bullet says only "90 days"; read as 90 days or more.',
  },
  "model.decision_makers": {
    id: "model.decision_makers",
    value: 4,
    unit: "decision_makers",
    display: "1–3 vs 4+",
    label: "Decision makers: transactional 1–3, relationship 4 or more",
    transactionalSide: "1 to 3 decision makers",
    relationshipSide: "4 or more decision makers",
    confidence: "high",
    sourceZh: "少数决策者(1-3)",
    sourceEn: "Few decision makers (1–3)",
    counterSourceZh: "建立大量决策者(4+)的融洽关系",
    counterSourceEn: "Build rapport with many decision makers (4+)",
    caveat: "A team average between 3 and 4 falls between the two lists and is treated as borderline.",
  },
  "model.customer_employees": {
    id: "model.customer_employees",
    value: 100,
    unit: "employees",
    display: "100 employees",
    label: "Customer size: relationship model for customers with 100+ employees",
    transactionalSide: "customers with fewer than 100 employees",
    relationshipSide: "customers with 100 or more employees",
    confidence: "low",
    sourceZh: "适用于员工数量大的公司(<100)",
    sourceEn: 'Suits companies with many employees (the translation says "<100"; read as 100 or more)',
    counterSourceZh: null,
    counterSourceEn: null,
    caveat:
      'The translation is garbled ("<100" for large companies); read as customers with 100+ employees. The transactional list names no customer size, so a smaller customer is weaker evidence.',
  },
};

export const FINDINGS_XANT_2020: Record<FindingId, FindingInput> = {
  "finding.large_orgs_adding_inside": {
    id: "finding.large_orgs_adding_inside",
    summary: "Large companies keep adding inside sales and the trend is expected to continue.",
    sourceZh: "有趣的是,大型公司不断增加内部销售,预计这一趋势将继续下去。",
    sourceEn:
      "Interestingly, large companies keep adding inside sales, and this trend is expected to continue.",
  },
  "finding.transactional_suits_inside": {
    id: "finding.transactional_suits_inside",
    summary: "Transactional models suit inside sales; relationship models benefit from outside sellers.",
    sourceZh: "某些销售模式,如交易式销售模式,低价值交易和快速销售周期,适合内部销售模式。",
    sourceEn:
      "Some sales models, such as the transactional model with low-value deals and fast cycles, suit inside sales.",
  },
  "finding.structure.stage1_outside_and_bizdev": {
    id: "finding.structure.stage1_outside_and_bizdev",
    summary:
      "A relationship-model company starts strongest with outside sales and business development teams.",
    sourceZh: "在我们的研究中,关系模型与外部销售团队和合作开发团队开始更强大。",
    sourceEn:
      "In our research, the relationship model starts out strongest with outside sales and business development teams.",
  },
  "finding.structure.stage2_account_split_inside_se": {
    id: "finding.structure.stage2_account_split_inside_se",
    summary:
      "As revenue grows, account roles split for better customer support; inside sales and sales engineering build a strong presence.",
    sourceZh: "随着收入增长,我们看到账户角色拆分以提供更好的客户支持。",
    sourceEn: "As revenue grows, we see account roles split to give customers better support.",
  },
  "finding.structure.stage3_inbound_and_renewals": {
    id: "finding.structure.stage3_inbound_and_renewals",
    summary:
      "Next, an inbound function working with marketing plus a renewals function supporting account management.",
    sourceZh: "继续说,与市场合作的入站功能与支持客户管理团队的续订功能相结合是最强大的。",
    sourceEn:
      "Going on, an inbound function working with marketing combined with a renewals function supporting account management is strongest.",
  },
  "finding.structure.stage4_channel": {
    id: "finding.structure.stage4_channel",
    summary: "Channel programs come last in the growth process.",
    sourceZh: "最后,在成长过程的最后增加渠道项目。",
    sourceEn: "Finally, channel programs are added at the end of the growth process.",
  },
  "finding.collaboration": {
    id: "finding.collaboration",
    summary:
      "Inside sellers close smaller deals on their own and support outside sellers on key strategic accounts.",
    sourceZh:
      "虽然他们有时会根据特定的角色(内部或外部)分配区域,但公司通常允许内部卖家自己完成较小价值的交易,并在处理关键战略客户时支持外部卖家。",
    sourceEn:
      "Although territories are sometimes assigned by role (inside or outside), companies usually let inside sellers close smaller deals themselves and support outside sellers on key strategic accounts.",
  },
  "finding.roles_blur": {
    id: "finding.roles_blur",
    summary:
      "Inside and outside sellers use such similar activities and tools that the line between them blurs.",
    sourceZh: "卖家内外的活动和工具使用如此相似(例如,CRM.,电子邮件,社交媒体),还没有更多的内部与外部销售了。",
    sourceEn:
      "Inside and outside sellers' activities and tools are so similar (CRM, email, social media) that there is no longer much inside versus outside sales.",
  },
  "finding.caution": {
    id: "finding.caution",
    summary:
      "Do not replace a whole field team on these numbers: they come from particular selling environments.",
    sourceZh:
      "现在,在您查看这些数字并在整个外部销售团队中射击之前,我应该警告您,他们是在特定销售环境中进行的销售活动的结果。",
    sourceEn:
      "Before you look at these numbers and fire your whole outside sales team, I should warn you that they result from selling done in particular selling environments.",
  },
  "finding.customer_decides": {
    id: "finding.customer_decides",
    summary: "Only the customer can decide how they want to buy.",
    sourceZh: "只有您的客户可以决定。",
    sourceEn: "Only your customers can decide.",
  },
  "finding.digital_buyers": {
    id: "finding.digital_buyers",
    summary: "Today's buyers are digital and expect to buy the same way in B2B.",
    sourceZh: "今天的买方正在变得更加数字化。",
    sourceEn: "Today's buyers are becoming more digital.",
  },
};
