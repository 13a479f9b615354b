//! The office's closed vocabularies, each with its code name (stored in the
//! database, used on the command line) and its labels in both languages.
//! Names follow docs/GLOSSARY.md.

use crate::lang::Lang;

/// Declares an enum whose variants carry a code, a Chinese and an English label.
macro_rules! vocabulary {
    ($(#[$meta:meta])* $name:ident { $($variant:ident = $code:literal, $zh:literal, $en:literal;)+ }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum $name { $($variant),+ }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            pub fn code(self) -> &'static str {
                match self { $($name::$variant => $code),+ }
            }

            pub fn parse(code: &str) -> Option<Self> {
                match code { $($code => Some($name::$variant),)+ _ => None }
            }

            pub fn label(self, lang: Lang) -> &'static str {
                match (self, lang) {
                    $(($name::$variant, Lang::Zh) => $zh, ($name::$variant, Lang::En) => $en,)+
                }
            }

            /// Its code, its Chinese label or its English one (any case), as
            /// a spreadsheet may hold it.
            pub fn from_any(text: &str) -> Option<Self> {
                let t = text.trim();
                Self::ALL.iter().copied().find(|v| {
                    v.code().eq_ignore_ascii_case(t)
                        || v.label(Lang::Zh) == t
                        || v.label(Lang::En).eq_ignore_ascii_case(t)
                })
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.code())
            }
        }
    };
}

vocabulary! {
    /// 员工角色
    Role {
        Clerk = "clerk", "窗口人员", "Counter clerk";
        Inspector = "inspector", "劳动保障监察员", "Labour inspector";
        Chief = "chief", "科室负责人", "Section chief";
        Legal = "legal", "法制审核人员", "Legal reviewer";
        Admin = "admin", "系统管理员", "Administrator";
    }
}

vocabulary! {
    /// 参保申报 kinds
    FilingKind {
        Enroll = "enroll", "参保登记", "New enrollment";
        Suspend = "suspend", "中断参保", "Suspension";
        Cancel = "cancel", "注销", "Cancellation";
        Transfer = "transfer", "转移接续", "Transfer and continuation";
        ChangeDetails = "change-details", "信息变更", "Change of details";
        ContributionBase = "contribution-base", "缴费基数申报", "Contribution base declaration";
        RegisterEmployer = "register-employer", "参保单位登记", "Employer enrollment";
    }
}

vocabulary! {
    /// How a filing came in (收件渠道).
    Channel {
        Window = "window", "窗口", "Counter";
        Post = "post", "邮寄", "Post";
        Online = "online", "网上申报", "Online";
    }
}

vocabulary! {
    FilingStatus {
        Pending = "pending", "待审核", "Pending";
        Approved = "approved", "已办结", "Approved";
        Returned = "returned", "已退回", "Returned";
    }
}

vocabulary! {
    /// Licences and service agreements of the supervised bodies.
    LicenceKind {
        HrService = "hr-service", "人力资源服务许可证", "HR service licence";
        TrainingSchool = "training-school", "民办学校办学许可证", "Private training school licence";
        DesignatedClinic = "designated-clinic", "定点医疗机构", "Designated medical institution";
        DesignatedPharmacy = "designated-pharmacy", "定点零售药店", "Designated retail pharmacy";
        WorkInjuryAgreement = "work-injury-agreement", "工伤协议机构", "Work-injury agreement institution";
    }
}

vocabulary! {
    /// The stored status; "expiring" and "expired" are computed from dates.
    LicenceStatus {
        Valid = "valid", "有效", "Valid";
        Suspended = "suspended", "暂停", "Suspended";
        Revoked = "revoked", "已吊销", "Revoked";
        Cancelled = "cancelled", "已注销", "Cancelled";
    }
}

vocabulary! {
    EmployerStatus {
        Active = "active", "正常参保", "Active";
        Suspended = "suspended", "暂停缴费", "Suspended";
        Cancelled = "cancelled", "已注销", "Cancelled";
    }
}

vocabulary! {
    PersonStatus {
        Active = "active", "参保缴费", "Active";
        Suspended = "suspended", "中断参保", "Suspended";
        Cancelled = "cancelled", "已注销", "Cancelled";
        Retired = "retired", "退休", "Retired";
    }
}

vocabulary! {
    InspectionMethod {
        OnSite = "on-site", "现场检查", "On-site inspection";
        Written = "written", "书面审查", "Written review";
    }
}

vocabulary! {
    InspectionResult {
        Pending = "pending", "待检查", "Pending";
        Passed = "passed", "合格", "Passed";
        Failed = "failed", "不合格", "Failed";
    }
}

vocabulary! {
    /// Sanctions on licensed bodies and agreement institutions.
    Sanction {
        Warning = "warning", "警告", "Warning";
        Rectify = "rectify", "限期整改", "Rectification with a deadline";
        Fine = "fine", "罚款", "Fine";
        Suspend = "suspend", "暂停结算 / 中止协议", "Suspension";
        Revoke = "revoke", "吊销许可证 / 解除协议", "Revocation";
    }
}

vocabulary! {
    SanctionStatus {
        Open = "open", "整改中", "Open";
        Rectified = "rectified", "已整改", "Rectified";
        Closed = "closed", "已结束", "Closed";
    }
}

vocabulary! {
    ComplaintChannel {
        Window = "window", "窗口", "Service window";
        Hotline = "hotline", "12333热线", "12333 hotline";
        Online = "online", "网上", "Online";
        Letter = "letter", "来信", "Letter";
        Referred = "referred", "转办", "Referred";
    }
}

vocabulary! {
    ComplaintDecision {
        Pending = "pending", "待受理", "Pending";
        Accepted = "accepted", "已受理", "Accepted";
        Refused = "refused", "不予受理", "Refused";
        Correction = "correction", "补正", "Asked to complete";
        Referred = "referred", "转劳动争议处理", "Referred to arbitration";
        // 劳社部令25 art 18: not this bureau's; the complainant told where to go.
        Elsewhere = "elsewhere", "非本局管辖（已告知）", "Not ours: told where to complain";
    }
}

vocabulary! {
    /// The nine stages of a labour-inspection case.
    CaseStage {
        Registered = "registered", "案件登记", "Registered";
        Preliminary = "preliminary", "初查", "Preliminary check";
        Opened = "opened", "立案", "Opened";
        Investigating = "investigating", "调查取证", "Investigation";
        PriorNotice = "prior-notice", "事先告知", "Prior notice";
        Defence = "defence", "陈述申辩 / 听证", "Statement and defence";
        Decided = "decided", "作出决定并送达", "Decision and service";
        Enforcing = "enforcing", "执行", "Enforcement";
        Closed = "closed", "结案归档", "Closed";
    }
}

vocabulary! {
    /// The nine inspection matters of 劳动保障监察条例 art. 11.
    InspectionMatter {
        WorkRules = "work-rules", "内部劳动保障规章制度", "Internal labour rules";
        Contracts = "contracts", "劳动合同", "Labour contracts";
        ChildLabour = "child-labour", "禁止使用童工", "Child-labour ban";
        SpecialProtection = "special-protection", "女职工和未成年工特殊劳动保护", "Protection of female and juvenile workers";
        WorkingHours = "working-hours", "工作时间和休息休假", "Working hours and rest";
        Wages = "wages", "工资支付和最低工资", "Wages and minimum wage";
        SocialInsurance = "social-insurance", "参加社会保险和缴纳社会保险费", "Social-insurance enrolment and payment";
        Agencies = "agencies", "职业介绍、培训和技能鉴定机构", "Employment, training and skill-assessment institutions";
        Other = "other", "其他劳动保障事项", "Other matters set by law";
    }
}

vocabulary! {
    /// A step of the case procedure (each move the state machine allows).
    CaseMove {
        Preliminary = "preliminary", "初查", "Preliminary check";
        Open = "open", "立案", "Open the case";
        Investigate = "investigate", "开始调查", "Start the investigation";
        Suspend = "suspend", "中止调查", "Suspend";
        Resume = "resume", "恢复调查", "Resume";
        Extend = "extend", "延长办案期限", "Extend the time limit";
        PriorNotice = "prior-notice", "事先告知", "Prior notice";
        HearingRequest = "hearing-request", "当事人申请听证", "The party asks for a hearing";
        Statement = "statement", "陈述申辩", "Statement and defence";
        Hearing = "hearing", "听证", "Hearing";
        LegalReview = "legal-review", "法制审核", "Legal review";
        Decide = "decide", "作出处罚决定", "Decide";
        Serve = "serve", "送达决定书", "Serve the decision";
        Enforce = "enforce", "执行", "Enforce";
        Close = "close", "结案归档", "Close and archive";
        Withdraw = "withdraw", "撤销立案", "Withdraw the case";
        Transfer = "transfer", "移送", "Transfer";
        RectifyOrder = "rectify-order", "责令改正（不予处罚）", "Order to rectify, no penalty";
        Waive = "waive", "当事人书面放弃陈述申辩和听证", "The party waives statement and hearing in writing";
        Renotice = "renotice", "重新事先告知", "Serve a new prior notice";
        Remind = "remind", "催告", "Serve a reminder (催告)";
        CourtApply = "court-apply", "申请法院强制执行", "Apply to the court for enforcement";
        Terminate = "terminate", "终结", "Terminate the case";
        Order = "order", "责令限期改正", "Order to rectify within a time limit";
        ScheduleHearing = "schedule-hearing", "通知听证", "Give notice of the hearing";
        Discuss = "discuss", "集体讨论", "Collective discussion";
    }
}

vocabulary! {
    /// What a case's decision is (条例 art 18; 行政处罚法 arts 9, 33, 57).
    /// 行政处理决定 orders what the law already owes (wages, contributions)
    /// and is not a penalty: no penalty hearing, the same service and
    /// enforcement.
    DecisionKind {
        Warning = "warning", "警告", "Warning";
        Fine = "fine", "罚款", "Fine";
        Confiscation = "confiscation", "没收违法所得", "Confiscation of unlawful gains";
        NoPenalty = "no-penalty", "不予行政处罚", "No penalty";
        Handling = "handling", "行政处理决定", "Handling decision";
        Order = "order", "责令限期改正", "Order to rectify within a time limit";
        StopEnrolment = "stop-enrolment", "责令停止招生", "Stop enrolment";
        Revocation = "revocation", "吊销许可证", "Licence revoked";
    }
}

impl DecisionKind {
    /// An administrative penalty (行政处罚法 art 9): prior notice, defence,
    /// and a hearing where the amount is large.
    pub fn is_penalty(self) -> bool {
        matches!(
            self,
            DecisionKind::Warning
                | DecisionKind::Fine
                | DecisionKind::Confiscation
                | DecisionKind::StopEnrolment
                | DecisionKind::Revocation
        )
    }

    /// A money penalty whose late payment adds 3 % a day (行政处罚法 art 72;
    /// 行政强制法 art 45).
    pub fn late_fee_applies(self) -> bool {
        matches!(self, DecisionKind::Fine | DecisionKind::Confiscation)
    }

    /// Its weight for 行政处罚法 art 45 (no heavier than the notice).
    pub fn weight(self) -> u8 {
        match self {
            DecisionKind::NoPenalty | DecisionKind::Order | DecisionKind::Handling => 0,
            DecisionKind::Warning => 1,
            DecisionKind::Fine | DecisionKind::Confiscation => 2,
            DecisionKind::StopEnrolment => 3,
            DecisionKind::Revocation => 4,
        }
    }

    /// A penalty that takes away or holds a licence's use: no amount, and a
    /// hearing always offered (行政处罚法 art 63(1)(ii)–(iv): 吊销许可证件,
    /// 责令停产停业 — 责令停止招生 is of that kind).
    pub fn on_the_licence(self) -> bool {
        matches!(self, DecisionKind::StopEnrolment | DecisionKind::Revocation)
    }
}

vocabulary! {
    /// Where a case comes from (劳动保障监察条例 arts 14–15; DOMAIN.md §12).
    CaseSource {
        Patrol = "patrol", "日常巡视检查", "Routine patrol";
        WrittenReview = "written-review", "书面材料审查", "Written review";
        AnnualReview = "annual-review", "年度审查", "Annual review";
        Campaign = "campaign", "专项检查", "Campaign";
        Audit = "audit", "工资支付和社会保险费缴纳审计", "Wage or social-insurance audit";
        Report = "report", "举报", "Report";
        Complaint = "complaint", "投诉", "Complaint";
        MassIncident = "mass-incident", "群体性事件", "Mass incident";
        Referral = "referral", "其他部门移送", "Referred by another department";
    }
}

vocabulary! {
    /// How a paper was served (行政处罚法 art 61 → 民事诉讼法 arts 87–95).
    ServiceMethod {
        Direct = "direct", "直接送达", "Served in person";
        Left = "left", "留置送达", "Left at the address";
        Post = "post", "邮寄送达", "Served by post";
        Notice = "notice", "公告送达", "Served by public notice";
        Electronic = "electronic", "电子送达", "Served electronically";
    }
}

vocabulary! {
    /// Who the respondent is: the hearing threshold differs (行政处罚法 art 63).
    PartyKind {
        Organisation = "organisation", "法人或其他组织", "Legal person or organisation";
        IndividualBusiness = "individual-business", "个体工商户", "Individual business";
        Person = "person", "公民", "Natural person";
    }
}

vocabulary! {
    /// What goes into a case file: the procedure's documents and the evidence.
    CaseFileKind {
        ComplaintForm = "complaint-form", "投诉登记表", "Complaint form";
        SourceRecord = "source-record", "案件来源登记表", "Record of the case's source";
        OpeningApproval = "opening-approval", "立案审批表", "Opening approval";
        SuspensionApproval = "suspension-approval", "中止调查审批表", "Suspension approval";
        ExtensionApproval = "extension-approval", "延期审批表", "Extension approval";
        PriorNoticeDoc = "prior-notice", "行政处罚事先告知书", "Prior notice of penalty";
        HearingNoticeDoc = "hearing-notice", "听证告知书", "Notice of the right to a hearing";
        StatementRecord = "statement-record", "陈述申辩笔录", "Record of statement and defence";
        HearingApplication = "hearing-application", "听证申请书", "Application for a hearing";
        HearingRecord = "hearing-record", "听证笔录", "Hearing record";
        HearingMeetingNotice = "hearing-meeting-notice", "听证会通知书", "Notice of the hearing's time and place";
        LegalOpinion = "legal-opinion", "法制审核意见书", "Legal review opinion";
        CollectiveDiscussion = "collective-discussion", "集体讨论记录", "Record of the collective discussion";
        PenaltyDecision = "penalty-decision", "行政处罚决定书", "Penalty decision";
        HandlingDecision = "handling-decision", "行政处理决定书", "Handling decision";
        OnTheSpotDecision = "on-the-spot-decision", "当场行政处罚决定书", "On-the-spot penalty decision";
        NoPenaltyDecision = "no-penalty-decision", "不予行政处罚决定书", "Decision of no penalty";
        ServiceReceipt = "service-receipt", "送达回证", "Proof of service";
        ClosingApproval = "closing-approval", "结案审批表", "Closing approval";
        WithdrawalApproval = "withdrawal-approval", "撤销立案审批表", "Withdrawal approval";
        TransferApproval = "transfer-approval", "移送审批表", "Transfer approval";
        RectifyOrderDoc = "rectify-order", "劳动保障监察限期改正指令书", "Order to rectify";
        InquiryRecord = "inquiry-record", "询问笔录", "Inquiry record";
        SiteRecord = "site-record", "现场检查笔录", "On-site inspection record";
        EmployerDocuments = "employer-documents", "调取的用人单位资料", "Documents demanded from the employer";
        AudioVideo = "audio-video", "录音录像", "Audio and video";
        CommissionedAudit = "commissioned-audit", "委托审计报告（工资、社保）", "Commissioned wage or social-insurance audit";
        RightsWaiver = "rights-waiver", "放弃陈述申辩和听证权利的书面声明", "Written waiver of statement and hearing";
        ReminderDoc = "reminder", "催告书", "Reminder (催告书)";
        CourtApplicationDoc = "court-application", "强制执行申请书", "Application for court enforcement";
        TerminationApproval = "termination-approval", "案件终结审批表", "Termination approval";
        PaymentReceipt = "payment-receipt", "罚没款缴款凭证", "Payment receipt";
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_code_parses_back_to_its_variant() {
        for k in FilingKind::ALL {
            assert_eq!(FilingKind::parse(k.code()), Some(*k));
        }
        for s in CaseStage::ALL {
            assert_eq!(CaseStage::parse(s.code()), Some(*s));
        }
        assert_eq!(CaseStage::ALL.len(), 9);
        assert_eq!(InspectionMatter::ALL.len(), 9);
        assert_eq!(FilingKind::ALL.len(), 7);
        assert_eq!(LicenceKind::parse("bogus"), None);
    }

    #[test]
    fn labels_come_in_both_languages() {
        assert_eq!(LicenceKind::HrService.label(Lang::Zh), "人力资源服务许可证");
        assert_eq!(LicenceKind::HrService.label(Lang::En), "HR service licence");
    }
}

vocabulary! {
    /// Where a lead about a licence holder came from.
    LeadSource {
        Media = "media", "媒体报道", "Media report";
        Tip = "tip", "举报线索", "Tip";
        Complaint = "complaint", "投诉", "Complaint";
        Patrol = "patrol", "巡查发现", "Seen on patrol";
    }
}

vocabulary! {
    /// An act that needs a role.
    Act {
        ReceiveFiling = "receive-filing", "收件登记参保申报", "receive a filing";
        DecideFiling = "decide-filing", "办结或退回参保申报", "approve or return a filing";
        ApproveOverProblems = "approve-over-problems", "越过问题办结申报", "approve a filing over its problems";
        RevealPerson = "reveal-person", "查看完整身份证号等个人信息", "see a person's full ID number and contacts";
        VerifyAudit = "verify-audit", "核验审计日志", "verify the audit log";
        AddStaff = "add-staff", "添加工作人员", "add staff";
        LoadCalendar = "load-calendar", "载入节假日安排", "load holiday tables";
        ActAsAnother = "act-as-another", "以他人身份操作", "act as another staff member";
        RegisterComplaint = "register-complaint", "登记投诉", "register a complaint";
        DecideComplaint = "decide-complaint", "作出投诉受理决定", "decide on a complaint";
        AssignCase = "assign-case", "指派案件承办人", "assign a case";
        RunDraw = "run-draw", "组织随机抽查", "make a random inspection draw";
        RecordInspection = "record-inspection", "记录检查和结算数据", "record inspections and settlement figures";
        TakeLadderStep = "take-ladder-step", "按阶梯作出处理", "take a step of a sanction ladder";
        InspectFromLead = "inspect-from-lead", "根据线索启动检查", "start an inspection from a lead";
        SetUpCampaign = "set-up-campaign", "部署专项行动", "set up a campaign";
        GroupIntoCampaign = "group-into-campaign", "将检查归入专项行动", "group inspections under a campaign";
        FormTeam = "form-team", "组建监察组", "form an inspector team";
        RecordAnnualReview = "record-annual-review", "登记年度报告和结果", "record annual reports and results";
        ImportLicences = "import-licences", "导入许可证", "import licences";
        ImportRegister = "import-register", "导入参保单位和人员", "import employers and persons";
        ImportSettlements = "import-settlements", "导入结算数据", "import settlement figures";
        LoadTemplate = "load-template", "载入文书模板", "load a document template";
        SetSetting = "set-setting", "修改本单位规则设置", "change an office setting";
        FileEvidence = "file-evidence", "登记案卷证据或文书", "add evidence or a document to a case file";
        PrintDocument = "print-document", "出具文书", "print a document";
        RecordLead = "record-lead", "登记线索", "record a lead";
        OpenCase = "open-case", "登记案件", "register a case";
        RecordPayment = "record-payment", "登记缴款", "record a payment";
    }
}
