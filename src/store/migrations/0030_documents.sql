-- 0030: documents (文书, issue 12, helper docs12; docs/architecture.md
-- "Documents").  doc_templates: every saved version of each kind's
-- template (the platform's template syntax, domain/tmpl.h); a document
-- uses the newest version at the time it is made.  Version 1 of each kind
-- is the default, written from what these papers contain in practice
-- (title, 文号, 主送, body, 落款, 日期, the place for the seal).
-- doc_number_rules: the commission's document-number rule (发文字号,
-- GB/T 9704-2012 7.2.4: 机关代字, 年份, 发文顺序号) per kind, effective-
-- dated rows with their source; {机关代字} {年} {序号} in the pattern.
-- doc_counters: the last number given per kind and year, advanced in the
-- transaction that keeps the document (no gaps, no duplicates).
-- documents: the issued documents, their .docx bytes kept (a document issued
-- is a fact), number unique per kind and year; BYTEA (SQLite stores a blob
-- in a column of that declared type unchanged).
CREATE TABLE documents (
	id               INTEGER PRIMARY KEY,
	region           TEXT NOT NULL,
	kind             TEXT NOT NULL,
	record_id        BIGINT NOT NULL,
	page             TEXT NOT NULL,
	number           TEXT NOT NULL,
	year             INTEGER NOT NULL,
	seq              BIGINT NOT NULL,
	day              TEXT NOT NULL,
	template_version BIGINT NOT NULL,
	author_id        BIGINT NOT NULL,
	author           TEXT NOT NULL,
	created_at       BIGINT NOT NULL,
	sha256           TEXT NOT NULL,
	size             BIGINT NOT NULL,
	content          BYTEA NOT NULL,
	UNIQUE (kind, year, seq)
);
CREATE INDEX documents_page ON documents(page);
CREATE TABLE doc_templates (
	kind       TEXT NOT NULL,
	version    BIGINT NOT NULL,
	body       TEXT NOT NULL,
	author_id  BIGINT NOT NULL DEFAULT 0,
	author     TEXT NOT NULL,
	created_at BIGINT NOT NULL,
	PRIMARY KEY (kind, version)
);
CREATE TABLE doc_number_rules (
	kind           TEXT NOT NULL,
	effective_from TEXT NOT NULL,
	pattern        TEXT NOT NULL,
	source         TEXT NOT NULL,
	author_id      BIGINT NOT NULL DEFAULT 0,
	author         TEXT NOT NULL,
	created_at     BIGINT NOT NULL,
	PRIMARY KEY (kind, effective_from)
);
CREATE TABLE doc_counters (
	kind TEXT NOT NULL,
	year INTEGER NOT NULL,
	last BIGINT NOT NULL,
	PRIMARY KEY (kind, year)
);
INSERT INTO doc_number_rules(kind, effective_from, pattern, source, author, created_at) VALUES
('report_form', '2000-01-01', '{机关代字}纪信登〔{年}〕{序号}号', 'GB/T 9704-2012 7.2.4；本委默认规则', '系统（默认）', 0),
('disposition_approval', '2000-01-01', '{机关代字}纪呈〔{年}〕{序号}号', 'GB/T 9704-2012 7.2.4；本委默认规则', '系统（默认）', 0),
('filing_decision', '2000-01-01', '{机关代字}纪立〔{年}〕{序号}号', 'GB/T 9704-2012 7.2.4；本委默认规则', '系统（默认）', 0),
('detention_decision', '2000-01-01', '{机关代字}监留〔{年}〕{序号}号', 'GB/T 9704-2012 7.2.4；本委默认规则', '系统（默认）', 0),
('detention_notice_family', '2000-01-01', '{机关代字}监留通〔{年}〕{序号}号', 'GB/T 9704-2012 7.2.4；本委默认规则', '系统（默认）', 0),
('detention_notice_unit', '2000-01-01', '{机关代字}监留告〔{年}〕{序号}号', 'GB/T 9704-2012 7.2.4；本委默认规则', '系统（默认）', 0),
('trial_report', '2000-01-01', '{机关代字}纪审〔{年}〕{序号}号', 'GB/T 9704-2012 7.2.4；本委默认规则', '系统（默认）', 0),
('sanction_decision', '2000-01-01', '{机关代字}纪处〔{年}〕{序号}号', 'GB/T 9704-2012 7.2.4；本委默认规则', '系统（默认）', 0),
('clarification_notice', '2000-01-01', '{机关代字}纪澄〔{年}〕{序号}号', 'GB/T 9704-2012 7.2.4；本委默认规则', '系统（默认）', 0);
INSERT INTO doc_templates(kind, version, body, author, created_at) VALUES
('report_form', 1, '// 信访举报登记表：表格式文书。“| 项目 | 内容 |”一行为表格一行，第一行为表头。
// 举报人姓名、联系方式不印在登记表上（举报人保护），需要时在系统内查看。
# 信访举报登记表
@文号 {{文号}}
@表
| 项目 | 内容 |
| 登记编号 | {{登记编号}} |
| 收到日期 | {{收到日期}} |
| 来信来访方式 | {{来信来访方式}} |
| 署名情况 | {{署名情况}} |
| 反映类别 | {{反映类别}} |
| 被反映人 | {{被反映人}} |
| 被反映人单位 | {{被反映人单位}} |
| 反映的主要问题 | {{反映的主要问题}} |
| 办理情况 | {{办理情况}} |
| 拟办意见 | |
| 领导批示 | |
@落款 {{机关}} || {{成文日期}}', '系统（默认模板）', 0),
('disposition_approval', 1, '// 问题线索处置呈批件：表格式文书。
# 问题线索处置呈批件
@文号 {{文号}}
@表
| 项目 | 内容 |
| 线索编号 | {{线索编号}} |
| 收到日期 | {{收到日期}} |
| 线索来源 | {{线索来源}} |
| 被反映人 | {{被反映人}} |
| 所在单位 | {{所在单位}} |
| 反映的主要问题 | {{反映的主要问题}} |
| 拟处置方式 | {{处置方式}} |
| 拟办理由 | {{拟办理由}} |
| 承办人 | {{承办人}} |
| 领导审批意见 | {{审批意见}} |
| 审批人 | {{审批人}} |
| 审批日期 | {{审批日期}} |
@落款 {{机关}} || {{成文日期}}', '系统（默认模板）', 0),
('filing_decision', 1, '# 立案决定书
@文号 {{文号}}
根据《中国共产党纪律检查机关监督执纪工作规则》和《中华人民共和国监察法》的有关规定，经{{机关}}批准，决定对{{所在单位}}{{被审查调查人}}涉嫌违纪违法问题立案审查调查。
立案日期：{{立案日期}}。案件类型：{{案件类型}}。承办机关：{{承办机关}}。
@落款 {{机关}} || {{成文日期}}', '系统（默认模板）', 0),
('detention_decision', 1, '# 留置决定书
@文号 {{文号}}
被留置人：{{被留置人}}，所在单位：{{所在单位}}。
因被留置人涉嫌严重职务违法或者职务犯罪，根据《中华人民共和国监察法》的有关规定，经{{批准人}}于{{批准日期}}批准，决定自{{留置开始日期}}起对其采取留置措施，留置期限至{{留置期限届满日期}}。
@落款 {{机关}} || {{成文日期}}', '系统（默认模板）', 0),
('detention_notice_family', 1, '# 留置通知书
@文号 {{文号}}
@主送 {{被留置人}}家属：
根据《中华人民共和国监察法》的有关规定，本机关已于{{留置开始日期}}对{{所在单位}}{{被留置人}}采取留置措施。特此通知。
@落款 {{机关}} || {{成文日期}}', '系统（默认模板）', 0),
('detention_notice_unit', 1, '# 留置通知书
@文号 {{文号}}
@主送 {{所在单位}}：
根据《中华人民共和国监察法》的有关规定，本机关已于{{留置开始日期}}对你单位{{被留置人}}采取留置措施。特此通知。
@落款 {{机关}} || {{成文日期}}', '系统（默认模板）', 0),
('trial_report', 1, '# 关于{{所在单位}}{{被审查调查人}}违纪违法案的审理报告
@文号 {{文号}}
@主送 {{机关}}：
{{所在单位}}{{被审查调查人}}涉嫌违纪违法一案，于{{立案日期}}立案审查调查，于{{移送审理日期}}移送审理，本室于{{审理受理日期}}受理，审理期限至{{审理期限}}。现将审理情况报告如下。
## 基本情况
案件编号：{{案件编号}}；案件类型：{{案件类型}}；承办机关：{{承办机关}}。
## 审理认定的事实
（由审理人员填写）
## 审理意见
（由审理人员填写）
@落款 {{机关}} || {{成文日期}}', '系统（默认模板）', 0),
('sanction_decision', 1, '# 关于给予{{受处分人}}{{处分}}的决定
@文号 {{文号}}
{{受处分人}}，{{所在单位}}{{职级}}。
经查，{{受处分人}}存在违纪违法问题。根据《中国共产党纪律处分条例》《中华人民共和国公职人员政务处分法》的有关规定，经{{机关}}研究，决定给予{{受处分人}}{{处分}}。
本决定自{{决定日期}}起生效。
如不服本决定，可自收到本决定之日起一个月内向本机关提出申诉。
@落款 {{机关}} || {{成文日期}}', '系统（默认模板）', 0),
('clarification_notice', 1, '# 澄清正名通知书
@文号 {{文号}}
@主送 {{被澄清人}}同志：
经本机关核查，反映你的有关问题失实，现予以澄清正名。澄清方式：{{澄清方式}}；澄清日期：{{澄清日期}}。
{{说明}}
@落款 {{机关}} || {{成文日期}}', '系统（默认模板）', 0);
