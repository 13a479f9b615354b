#!/usr/bin/env python3
# A copy of the shared deterministic corpus tool (../shared/tools/gen_corpus.py
# beside this repository), vendored so that a fresh clone can make the lookup
# corpus on its own. benches/lookup.rs and scripts/bench.sh use the shared
# tool when it exists and this copy otherwise; apart from this header the two
# are identical.
"""Deterministic synthetic corpus for fuzzy-lookup benchmarks and tests.

Every line has four space-separated fields:

    <key> <name in Chinese> <PINYIN INITIALS of the name> <district>

and is one of three kinds:

  licence   (冀)人服证字[2023]第0107号 石家庄市鹿泉区恒信人力资源服务有限公司 SJZSLQQHXRLZYFWYXGS 鹿泉区
  employer  91130110MA0F3K7Q2X 石家庄市鹿泉区恒信劳务派遣有限公司 SJZSLQQHXLWPQYXGS 鹿泉区
  person    130110199003071234 张伟 ZW 鹿泉区

Properties a test can rely on:
  * same --seed => byte-identical output; the N-line file is a prefix of any
    larger file made with the same seed and ratios;
  * pinyin initials come from word-level readings held in the tables below
    (so polyphones such as 乐亭 lao-ting, 长安 chang-an, 曾 zeng are right),
    no external pinyin library is needed;
  * 18-digit person IDs carry a valid GB 11643 check digit (can be 'X') and
    are unique; employer codes carry a valid GB 32100 check character and are
    unique; licence numbers are unique per year;
  * administrative codes and names are plausible, not authoritative.

Usage:
  python3 gen_corpus.py 100000 -o corpus_100k.txt [--seed 42]
         [--licence 0.1 --employer 0.2]   (the rest are persons)
         [--tsv]                          (kind<TAB>key<TAB>name<TAB>initials<TAB>district)
"""
import argparse
import random
import sys

# city -> (pinyin, weight, [(admin code, district, pinyin), ...])
CITIES = {
    "石家庄市": ("shi jia zhuang shi", 4, [
        ("130102", "长安区", "chang an qu"), ("130104", "桥西区", "qiao xi qu"),
        ("130105", "新华区", "xin hua qu"), ("130107", "井陉矿区", "jing xing kuang qu"),
        ("130108", "裕华区", "yu hua qu"), ("130109", "藁城区", "gao cheng qu"),
        ("130110", "鹿泉区", "lu quan qu"), ("130111", "栾城区", "luan cheng qu"),
        ("130121", "井陉县", "jing xing xian"), ("130123", "正定县", "zheng ding xian"),
        ("130125", "行唐县", "xing tang xian"), ("130126", "灵寿县", "ling shou xian"),
        ("130127", "高邑县", "gao yi xian"), ("130128", "深泽县", "shen ze xian"),
        ("130129", "赞皇县", "zan huang xian"), ("130130", "无极县", "wu ji xian"),
        ("130131", "平山县", "ping shan xian"), ("130132", "元氏县", "yuan shi xian"),
        ("130133", "赵县", "zhao xian"), ("130181", "辛集市", "xin ji shi"),
        ("130183", "晋州市", "jin zhou shi"), ("130184", "新乐市", "xin le shi"),
    ]),
    "唐山市": ("tang shan shi", 2, [
        ("130202", "路南区", "lu nan qu"), ("130203", "路北区", "lu bei qu"),
        ("130204", "古冶区", "gu ye qu"), ("130205", "开平区", "kai ping qu"),
        ("130207", "丰南区", "feng nan qu"), ("130208", "丰润区", "feng run qu"),
        ("130209", "曹妃甸区", "cao fei dian qu"), ("130224", "滦南县", "luan nan xian"),
        ("130225", "乐亭县", "lao ting xian"), ("130227", "迁西县", "qian xi xian"),
        ("130229", "玉田县", "yu tian xian"), ("130281", "遵化市", "zun hua shi"),
        ("130283", "迁安市", "qian an shi"), ("130284", "滦州市", "luan zhou shi"),
    ]),
    "保定市": ("bao ding shi", 2, [
        ("130602", "竞秀区", "jing xiu qu"), ("130606", "莲池区", "lian chi qu"),
        ("130607", "满城区", "man cheng qu"), ("130608", "清苑区", "qing yuan qu"),
        ("130609", "徐水区", "xu shui qu"), ("130623", "涞水县", "lai shui xian"),
        ("130626", "定兴县", "ding xing xian"), ("130628", "高阳县", "gao yang xian"),
        ("130681", "涿州市", "zhuo zhou shi"), ("130682", "定州市", "ding zhou shi"),
        ("130683", "安国市", "an guo shi"), ("130684", "高碑店市", "gao bei dian shi"),
    ]),
    "邯郸市": ("han dan shi", 1, [
        ("130402", "邯山区", "han shan qu"), ("130403", "丛台区", "cong tai qu"),
        ("130404", "复兴区", "fu xing qu"), ("130406", "峰峰矿区", "feng feng kuang qu"),
        ("130407", "肥乡区", "fei xiang qu"), ("130408", "永年区", "yong nian qu"),
        ("130481", "武安市", "wu an shi"),
    ]),
    "廊坊市": ("lang fang shi", 1, [
        ("131002", "安次区", "an ci qu"), ("131003", "广阳区", "guang yang qu"),
        ("131022", "固安县", "gu an xian"), ("131023", "永清县", "yong qing xian"),
        ("131024", "香河县", "xiang he xian"), ("131025", "大城县", "da cheng xian"),
        ("131026", "文安县", "wen an xian"),
        ("131028", "大厂回族自治县", "da chang hui zu zi zhi xian"),
        ("131081", "霸州市", "ba zhou shi"), ("131082", "三河市", "san he shi"),
    ]),
    "沧州市": ("cang zhou shi", 1, [
        # same district name as in 石家庄, different code: a realistic trap
        ("130902", "新华区", "xin hua qu"), ("130903", "运河区", "yun he qu"),
        ("130921", "沧县", "cang xian"), ("130922", "青县", "qing xian"),
        ("130982", "任丘市", "ren qiu shi"), ("130983", "黄骅市", "huang hua shi"),
        ("130984", "河间市", "he jian shi"),
    ]),
}

# characters for trade names (字号), with reading
BRAND = [("恒", "heng"), ("信", "xin"), ("华", "hua"), ("鑫", "xin"), ("瑞", "rui"),
         ("达", "da"), ("通", "tong"), ("博", "bo"), ("源", "yuan"), ("宏", "hong"),
         ("泰", "tai"), ("盛", "sheng"), ("佳", "jia"), ("诚", "cheng"), ("德", "de"),
         ("安", "an"), ("康", "kang"), ("聚", "ju"), ("才", "cai"), ("智", "zhi"),
         ("创", "chuang"), ("联", "lian"), ("众", "zhong"), ("汇", "hui"), ("邦", "bang"),
         ("业", "ye"), ("润", "run"), ("祥", "xiang"), ("嘉", "jia"), ("正", "zheng"),
         ("捷", "jie"), ("优", "you"), ("卓", "zhuo"), ("远", "yuan"), ("新", "xin"),
         ("天", "tian"), ("宇", "yu"), ("金", "jin"), ("明", "ming"), ("辉", "hui"),
         ("永", "yong"), ("广", "guang"), ("丰", "feng"), ("兴", "xing"), ("凯", "kai"),
         ("海", "hai"), ("方", "fang"), ("弘", "hong"), ("云", "yun"), ("峰", "feng"),
         ("冀", "ji"), ("燕", "yan"), ("赵", "zhao"), ("荣", "rong"), ("百", "bai"),
         ("胜", "sheng"), ("利", "li"), ("合", "he"), ("和", "he"), ("益", "yi")]

# (business, reading, weight for licence-holders, weight for employers)
BUSINESS = [
    ("人力资源服务", "ren li zi yuan fu wu", 6, 1),
    ("劳务派遣", "lao wu pai qian", 3, 2),
    ("人才服务", "ren cai fu wu", 2, 1),
    ("职业介绍", "zhi ye jie shao", 1, 0),
    ("企业管理咨询", "qi ye guan li zi xun", 1, 2),
    ("建筑劳务", "jian zhu lao wu", 0, 3),
    ("物业管理", "wu ye guan li", 0, 3),
    ("保安服务", "bao an fu wu", 0, 2),
    ("机械制造", "ji xie zhi zao", 0, 3),
    ("商贸", "shang mao", 0, 4),
    ("建材", "jian cai", 0, 2),
    ("食品", "shi pin", 0, 2),
    ("医药", "yi yao", 0, 1),
    ("科技", "ke ji", 0, 3),
    ("物流", "wu liu", 0, 2),
]

ORG_TYPE = [("有限公司", "you xian gong si", 10), ("有限责任公司", "you xian ze ren gong si", 3),
            ("股份有限公司", "gu fen you xian gong si", 1), ("服务中心", "fu wu zhong xin", 1)]

SURNAME = [("王", "wang", 72), ("李", "li", 71), ("张", "zhang", 70), ("刘", "liu", 54),
           ("陈", "chen", 45), ("杨", "yang", 32), ("赵", "zhao", 28), ("黄", "huang", 24),
           ("周", "zhou", 23), ("吴", "wu", 21), ("徐", "xu", 17), ("孙", "sun", 16),
           ("胡", "hu", 14), ("朱", "zhu", 13), ("高", "gao", 13), ("林", "lin", 12),
           ("何", "he", 12), ("郭", "guo", 11), ("马", "ma", 11), ("罗", "luo", 9),
           ("梁", "liang", 9), ("宋", "song", 8), ("郑", "zheng", 8), ("谢", "xie", 7),
           ("韩", "han", 7), ("唐", "tang", 7), ("冯", "feng", 7), ("于", "yu", 6),
           ("董", "dong", 6), ("萧", "xiao", 5), ("程", "cheng", 5), ("曹", "cao", 5),
           ("袁", "yuan", 5), ("邓", "deng", 5), ("许", "xu", 5), ("傅", "fu", 4),
           ("沈", "shen", 4), ("曾", "zeng", 4), ("彭", "peng", 4), ("吕", "lv", 4),
           ("苏", "su", 4), ("卢", "lu", 4), ("蒋", "jiang", 4), ("蔡", "cai", 4),
           ("贾", "jia", 3), ("丁", "ding", 3), ("魏", "wei", 3), ("薛", "xue", 3),
           ("叶", "ye", 3), ("阎", "yan", 3), ("单", "shan", 1), ("欧阳", "ou yang", 1),
           ("司马", "si ma", 1), ("解", "xie", 1)]

GIVEN = [("伟", "wei"), ("芳", "fang"), ("娜", "na"), ("敏", "min"), ("静", "jing"),
         ("丽", "li"), ("强", "qiang"), ("磊", "lei"), ("军", "jun"), ("洋", "yang"),
         ("勇", "yong"), ("艳", "yan"), ("杰", "jie"), ("娟", "juan"), ("涛", "tao"),
         ("明", "ming"), ("超", "chao"), ("秀", "xiu"), ("霞", "xia"), ("平", "ping"),
         ("刚", "gang"), ("桂", "gui"), ("英", "ying"), ("华", "hua"), ("建", "jian"),
         ("国", "guo"), ("文", "wen"), ("辉", "hui"), ("鹏", "peng"), ("玉", "yu"),
         ("兰", "lan"), ("红", "hong"), ("梅", "mei"), ("志", "zhi"), ("海", "hai"),
         ("亮", "liang"), ("宇", "yu"), ("浩", "hao"), ("婷", "ting"), ("雪", "xue"),
         ("欣", "xin"), ("佳", "jia"), ("子", "zi"), ("晨", "chen"), ("博", "bo"),
         ("鑫", "xin"), ("淑", "shu"), ("春", "chun"), ("燕", "yan"), ("凤", "feng"),
         ("俊", "jun"), ("嘉", "jia"), ("睿", "rui"), ("思", "si"), ("雨", "yu"),
         ("乐", "le"), ("长", "chang"), ("朝", "zhao"), ("东", "dong"), ("晓", "xiao")]

ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
ID_CHECK = "10X98765432"
USCC_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY"
USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]


def initials(reading: str) -> str:
    return "".join(s[0] for s in reading.split()).upper()


def id_check(first17: str) -> str:
    return ID_CHECK[sum(int(c) * w for c, w in zip(first17, ID_WEIGHTS)) % 11]


def uscc_check(first17: str) -> str:
    s = sum(USCC_CHARS.index(c) * w for c, w in zip(first17, USCC_WEIGHTS))
    return USCC_CHARS[(31 - s % 31) % 31]


class Gen:
    def __init__(self, seed, p_licence, p_employer):
        self.r = random.Random(seed)
        self.p_licence, self.p_employer = p_licence, p_employer
        self.cities = list(CITIES.items())
        self.city_w = [v[1] for _, v in self.cities]
        self.lic_used = {}
        self.ids = set()
        self.usccs = set()

    def place(self):
        city, (cpy, _, dists) = self.r.choices(self.cities, self.city_w)[0]
        code, dist, dpy = self.r.choice(dists)
        return city, cpy, code, dist, dpy

    def org_name(self, licence_holder):
        r = self.r
        city, cpy, code, dist, dpy = self.place()
        n = r.choices([2, 3, 4], [8, 2, 1])[0]
        brand = r.sample(BRAND, n)
        w = [b[2] if licence_holder else b[3] for b in BUSINESS]
        bus, bpy = r.choices(BUSINESS, w)[0][:2]
        typ, tpy = r.choices(ORG_TYPE, [t[2] for t in ORG_TYPE])[0][:2]
        if bus.endswith("服务") and typ == "服务中心":  # not 服务服务中心
            typ, tpy = "中心", "zhong xin"
        parts = [(city, cpy), (dist, dpy)] if r.random() < 0.85 else [(city, cpy)]
        parts += brand + [(bus, bpy), (typ, tpy)]
        name = "".join(p[0] for p in parts)
        ini = "".join(initials(p[1]) for p in parts)
        return name, ini, code, dist

    def licence(self):
        name, ini, _, dist = self.org_name(True)
        year = self.r.randint(2010, 2025)
        used = self.lic_used.setdefault(year, set())
        cap = 9999
        while len(used) >= 0.7 * cap:  # widen rather than loop forever
            cap = cap * 10 + 9
        while True:
            num = self.r.randint(1, cap)
            if num not in used:
                used.add(num)
                break
        return "licence", f"(冀)人服证字[{year}]第{num:04d}号", name, ini, dist

    def employer(self):
        name, ini, code, dist = self.org_name(False)
        while True:
            body = "".join(self.r.choice(USCC_CHARS) for _ in range(9))
            first17 = "91" + code + body
            u = first17 + uscc_check(first17)
            if u not in self.usccs:
                self.usccs.add(u)
                return "employer", u, name, ini, dist

    def person(self):
        r = self.r
        _, _, code, dist, _ = self.place()
        s, spy, _ = r.choices(SURNAME, [x[2] for x in SURNAME])[0]
        g = r.sample(GIVEN, r.choices([1, 2], [3, 7])[0])
        name = s + "".join(x[0] for x in g)
        ini = initials(spy) + "".join(initials(x[1]) for x in g)
        while True:
            y = r.randint(1950, 2006)
            m = r.randint(1, 12)
            d = r.randint(1, 28)
            first17 = f"{code}{y:04d}{m:02d}{d:02d}{r.randint(0, 999):03d}"
            pid = first17 + id_check(first17)
            if pid not in self.ids:
                self.ids.add(pid)
                return "person", pid, name, ini, dist

    def line(self):
        x = self.r.random()
        if x < self.p_licence:
            return self.licence()
        if x < self.p_licence + self.p_employer:
            return self.employer()
        return self.person()


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("lines", type=int)
    ap.add_argument("-o", "--output", default="-")
    ap.add_argument("--seed", type=int, default=42)
    ap.add_argument("--licence", type=float, default=0.1, help="share of licence lines")
    ap.add_argument("--employer", type=float, default=0.2, help="share of employer lines")
    ap.add_argument("--tsv", action="store_true", help="tab-separated with a kind column")
    a = ap.parse_args(argv)
    if a.licence < 0 or a.employer < 0 or a.licence + a.employer > 1:
        ap.error("--licence + --employer must be within [0, 1]")
    g = Gen(a.seed, a.licence, a.employer)
    out = sys.stdout if a.output == "-" else open(a.output, "w", encoding="utf-8", newline="\n")
    try:
        for _ in range(a.lines):
            rec = g.line()
            out.write(("\t".join(rec) if a.tsv else " ".join(rec[1:])) + "\n")
    finally:
        if out is not sys.stdout:
            out.close()


if __name__ == "__main__":
    main()
