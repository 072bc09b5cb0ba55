// Built-in geography: city tables of Liaoning, Jilin and Heilongjiang with the industries
// their livestream bases are known for (Xiliu clothing in Anshan, Fuxin agate,
// Tong'erbao fur in Liaoyang, Xingcheng swimwear in Huludao, Dandong strawberries,
// Liaoyuan socks, Changbai Mountain ginseng, Wuchang rice, ...). Populations are the
// 2020 census figures rounded to 0.1 million; they only weight where people live.
#include "generator/geography.hpp"

#include <array>

namespace castgraph::generator {
namespace {

using C = Category;
using W = std::string_view;

constexpr std::array<W, 6> kClothingWords{"女装", "羽绒服", "童装", "皮草", "泳装", "袜子"};
constexpr std::array<W, 6> kFoodWords{"红肠", "烧烤", "酸菜", "零食", "熟食", "小吃"};
constexpr std::array<W, 6> kFreshWords{"海鲜", "草莓", "樱桃", "河蟹", "海参", "蓝莓"};
constexpr std::array<W, 6> kFarmWords{"大米", "杂粮", "木耳", "榛子", "人参", "蜂蜜"};
constexpr std::array<W, 4> kBeautyWords{"美妆", "护肤", "彩妆", "香水"};
constexpr std::array<W, 5> kJewelleryWords{"玛瑙", "琥珀", "玉石", "珍珠", "文玩"};
constexpr std::array<W, 4> kHomeWords{"家纺", "厨具", "家居", "日用"};
constexpr std::array<W, 4> kEntertainmentWords{"二人转", "唱歌", "才艺", "搞笑"};

constexpr std::array<CategoryInfo, kCategoryCount> kCategories{{
    {"服装", 0.18, kClothingWords},
    {"美食", 0.17, kFoodWords},
    {"生鲜", 0.10, kFreshWords},
    {"农特产", 0.12, kFarmWords},
    {"美妆", 0.14, kBeautyWords},
    {"珠宝文玩", 0.06, kJewelleryWords},
    {"家居", 0.10, kHomeWords},
    {"才艺", 0.13, kEntertainmentWords},
}};

// --- Liaoning -----------------------------------------------------------------------
constexpr std::array<W, 6> kShenyangD{"浑南", "铁西", "和平", "沈河", "于洪", "沈北"};
constexpr std::array<C, 3> kShenyangS{C::clothing, C::food, C::beauty};
constexpr std::array<W, 3> kShenyangW{"服装", "鸡架", "美妆"};
constexpr std::array<W, 6> kDalianD{"金普", "甘井子", "中山", "旅顺", "瓦房店", "庄河"};
constexpr std::array<C, 3> kDalianS{C::fresh, C::fresh, C::clothing};
constexpr std::array<W, 3> kDalianW{"海鲜", "樱桃", "服装"};
constexpr std::array<W, 4> kAnshanD{"西柳", "岫岩", "铁东", "海城"};
constexpr std::array<C, 2> kAnshanS{C::clothing, C::jewellery};
constexpr std::array<W, 2> kAnshanW{"服装", "玉石"};
constexpr std::array<W, 3> kFushunD{"新抚", "清原", "新宾"};
constexpr std::array<C, 2> kFushunS{C::jewellery, C::farm};
constexpr std::array<W, 2> kFushunW{"琥珀", "山货"};
constexpr std::array<W, 3> kBenxiD{"桓仁", "明山", "平山"};
constexpr std::array<C, 2> kBenxiS{C::farm, C::farm};
constexpr std::array<W, 2> kBenxiW{"中药材", "冰酒"};
constexpr std::array<W, 4> kDandongD{"东港", "振兴", "凤城", "宽甸"};
constexpr std::array<C, 2> kDandongS{C::fresh, C::fresh};
constexpr std::array<W, 2> kDandongW{"草莓", "海鲜"};
constexpr std::array<W, 4> kJinzhouD{"凌河", "古塔", "北镇", "黑山"};
constexpr std::array<C, 2> kJinzhouS{C::food, C::fresh};
constexpr std::array<W, 2> kJinzhouW{"烧烤", "海产"};
constexpr std::array<W, 4> kYingkouD{"鲅鱼圈", "站前", "大石桥", "盖州"};
constexpr std::array<C, 2> kYingkouS{C::fresh, C::home};
constexpr std::array<W, 2> kYingkouW{"海鲜", "乐器"};
constexpr std::array<W, 3> kFuxinD{"十家子", "海州", "彰武"};
constexpr std::array<C, 2> kFuxinS{C::jewellery, C::farm};
constexpr std::array<W, 2> kFuxinW{"玛瑙", "花生"};
constexpr std::array<W, 3> kLiaoyangD{"佟二堡", "白塔", "灯塔"};
constexpr std::array<C, 1> kLiaoyangS{C::clothing};
constexpr std::array<W, 1> kLiaoyangW{"皮草"};
constexpr std::array<W, 3> kPanjinD{"大洼", "兴隆台", "盘山"};
constexpr std::array<C, 2> kPanjinS{C::farm, C::fresh};
constexpr std::array<W, 2> kPanjinW{"大米", "河蟹"};
constexpr std::array<W, 4> kTielingD{"银州", "开原", "昌图", "西丰"};
constexpr std::array<C, 2> kTielingS{C::farm, C::entertainment};
constexpr std::array<W, 2> kTielingW{"榛子", "二人转"};
constexpr std::array<W, 4> kChaoyangD{"双塔", "龙城", "北票", "凌源"};
constexpr std::array<C, 2> kChaoyangS{C::farm, C::food};
constexpr std::array<W, 2> kChaoyangW{"小米", "杂粮"};
constexpr std::array<W, 3> kHuludaoD{"兴城", "绥中", "龙港"};
constexpr std::array<C, 2> kHuludaoS{C::clothing, C::fresh};
constexpr std::array<W, 2> kHuludaoW{"泳装", "海鲜"};

constexpr std::array<City, 14> kLiaoningCities{{
    {"沈阳", 9.1, kShenyangD, kShenyangS, kShenyangW},
    {"大连", 7.5, kDalianD, kDalianS, kDalianW},
    {"鞍山", 3.3, kAnshanD, kAnshanS, kAnshanW},
    {"抚顺", 1.9, kFushunD, kFushunS, kFushunW},
    {"本溪", 1.3, kBenxiD, kBenxiS, kBenxiW},
    {"丹东", 2.2, kDandongD, kDandongS, kDandongW},
    {"锦州", 2.7, kJinzhouD, kJinzhouS, kJinzhouW},
    {"营口", 2.3, kYingkouD, kYingkouS, kYingkouW},
    {"阜新", 1.6, kFuxinD, kFuxinS, kFuxinW},
    {"辽阳", 1.6, kLiaoyangD, kLiaoyangS, kLiaoyangW},
    {"盘锦", 1.4, kPanjinD, kPanjinS, kPanjinW},
    {"铁岭", 2.4, kTielingD, kTielingS, kTielingW},
    {"朝阳", 2.9, kChaoyangD, kChaoyangS, kChaoyangW},
    {"葫芦岛", 2.4, kHuludaoD, kHuludaoS, kHuludaoW},
}};

// --- Jilin --------------------------------------------------------------------------
constexpr std::array<W, 5> kChangchunD{"净月", "南关", "朝阳", "绿园", "九台"};
constexpr std::array<C, 3> kChangchunS{C::clothing, C::food, C::home};
constexpr std::array<W, 3> kChangchunW{"服装", "食品", "汽车用品"};
constexpr std::array<W, 3> kJilinCityD{"船营", "丰满", "舒兰"};
constexpr std::array<C, 2> kJilinCityS{C::farm, C::fresh};
constexpr std::array<W, 2> kJilinCityW{"大米", "松花江鱼"};
constexpr std::array<W, 3> kSipingD{"铁西", "梨树", "双辽"};
constexpr std::array<C, 1> kSipingS{C::farm};
constexpr std::array<W, 1> kSipingW{"玉米"};
constexpr std::array<W, 2> kLiaoyuanD{"龙山", "东丰"};
constexpr std::array<C, 2> kLiaoyuanS{C::clothing, C::farm};
constexpr std::array<W, 2> kLiaoyuanW{"袜业", "梅花鹿"};
constexpr std::array<W, 3> kTonghuaD{"东昌", "集安", "柳河"};
constexpr std::array<C, 2> kTonghuaS{C::farm, C::food};
constexpr std::array<W, 2> kTonghuaW{"人参", "葡萄酒"};
constexpr std::array<W, 3> kBaishanD{"抚松", "长白", "靖宇"};
constexpr std::array<C, 2> kBaishanS{C::farm, C::farm};
constexpr std::array<W, 2> kBaishanW{"人参", "山货"};
constexpr std::array<W, 3> kSongyuanD{"前郭", "宁江", "扶余"};
constexpr std::array<C, 2> kSongyuanS{C::fresh, C::farm};
constexpr std::array<W, 2> kSongyuanW{"查干湖鱼", "杂粮"};
constexpr std::array<W, 2> kBaichengD{"洮北", "镇赉"};
constexpr std::array<C, 1> kBaichengS{C::farm};
constexpr std::array<W, 1> kBaichengW{"绿豆"};
constexpr std::array<W, 3> kYanbianD{"延吉", "珲春", "敦化"};
constexpr std::array<C, 2> kYanbianS{C::food, C::fresh};
constexpr std::array<W, 2> kYanbianW{"朝鲜族美食", "帝王蟹"};

constexpr std::array<City, 9> kJilinCities{{
    {"长春", 9.1, kChangchunD, kChangchunS, kChangchunW},
    {"吉林", 3.6, kJilinCityD, kJilinCityS, kJilinCityW},
    {"四平", 1.8, kSipingD, kSipingS, kSipingW},
    {"辽源", 1.0, kLiaoyuanD, kLiaoyuanS, kLiaoyuanW},
    {"通化", 1.3, kTonghuaD, kTonghuaS, kTonghuaW},
    {"白山", 1.0, kBaishanD, kBaishanS, kBaishanW},
    {"松原", 2.3, kSongyuanD, kSongyuanS, kSongyuanW},
    {"白城", 1.6, kBaichengD, kBaichengS, kBaichengW},
    {"延边", 1.9, kYanbianD, kYanbianS, kYanbianW},
}};

// --- Heilongjiang -------------------------------------------------------------------
constexpr std::array<W, 5> kHarbinD{"道里", "南岗", "松北", "五常", "香坊"};
constexpr std::array<C, 3> kHarbinS{C::food, C::farm, C::clothing};
constexpr std::array<W, 3> kHarbinW{"红肠", "五常大米", "服装"};
constexpr std::array<W, 3> kQiqiharD{"龙沙", "建华", "讷河"};
constexpr std::array<C, 1> kQiqiharS{C::food};
constexpr std::array<W, 1> kQiqiharW{"烤肉"};
constexpr std::array<W, 3> kMudanjiangD{"东安", "东宁", "海林"};
constexpr std::array<C, 1> kMudanjiangS{C::farm};
constexpr std::array<W, 1> kMudanjiangW{"黑木耳"};
constexpr std::array<W, 3> kJiamusiD{"前进", "富锦", "抚远"};
constexpr std::array<C, 2> kJiamusiS{C::farm, C::fresh};
constexpr std::array<W, 2> kJiamusiW{"大米", "鲟鳇鱼"};
constexpr std::array<W, 2> kDaqingD{"萨尔图", "杜尔伯特"};
constexpr std::array<C, 1> kDaqingS{C::food};
constexpr std::array<W, 1> kDaqingW{"杂粮"};
constexpr std::array<W, 2> kJixiD{"鸡冠", "虎林"};
constexpr std::array<C, 1> kJixiS{C::farm};
constexpr std::array<W, 1> kJixiW{"大米"};
constexpr std::array<W, 2> kShuangyashanD{"尖山", "饶河"};
constexpr std::array<C, 1> kShuangyashanS{C::farm};
constexpr std::array<W, 1> kShuangyashanW{"蜂蜜"};
constexpr std::array<W, 2> kYichunD{"伊美", "铁力"};
constexpr std::array<C, 1> kYichunS{C::fresh};
constexpr std::array<W, 1> kYichunW{"蓝莓"};
constexpr std::array<W, 2> kQitaiheD{"桃山", "勃利"};
constexpr std::array<C, 1> kQitaiheS{C::farm};
constexpr std::array<W, 1> kQitaiheW{"山货"};
constexpr std::array<W, 2> kHegangD{"向阳", "萝北"};
constexpr std::array<C, 1> kHegangS{C::farm};
constexpr std::array<W, 1> kHegangW{"黑土地农货"};
constexpr std::array<W, 2> kHeiheD{"爱辉", "五大连池"};
constexpr std::array<C, 2> kHeiheS{C::food, C::farm};
constexpr std::array<W, 2> kHeiheW{"俄罗斯商品", "大豆"};
constexpr std::array<W, 3> kSuihuaD{"北林", "海伦", "庆安"};
constexpr std::array<C, 1> kSuihuaS{C::farm};
constexpr std::array<W, 1> kSuihuaW{"大米"};
constexpr std::array<W, 2> kDaxinganlingD{"加格达奇", "漠河"};
constexpr std::array<C, 1> kDaxinganlingS{C::fresh};
constexpr std::array<W, 1> kDaxinganlingW{"蓝莓"};

constexpr std::array<City, 13> kHeilongjiangCities{{
    {"哈尔滨", 10.0, kHarbinD, kHarbinS, kHarbinW},
    {"齐齐哈尔", 4.1, kQiqiharD, kQiqiharS, kQiqiharW},
    {"牡丹江", 2.3, kMudanjiangD, kMudanjiangS, kMudanjiangW},
    {"佳木斯", 2.2, kJiamusiD, kJiamusiS, kJiamusiW},
    {"大庆", 2.8, kDaqingD, kDaqingS, kDaqingW},
    {"鸡西", 1.5, kJixiD, kJixiS, kJixiW},
    {"双鸭山", 1.2, kShuangyashanD, kShuangyashanS, kShuangyashanW},
    {"伊春", 0.9, kYichunD, kYichunS, kYichunW},
    {"七台河", 0.7, kQitaiheD, kQitaiheS, kQitaiheW},
    {"鹤岗", 0.9, kHegangD, kHegangS, kHegangW},
    {"黑河", 1.3, kHeiheD, kHeiheS, kHeiheW},
    {"绥化", 3.8, kSuihuaD, kSuihuaS, kSuihuaW},
    {"大兴安岭", 0.3, kDaxinganlingD, kDaxinganlingS, kDaxinganlingW},
}};

constexpr Province kLiaoning{"辽宁", kLiaoningCities};
constexpr Province kJilin{"吉林", kJilinCities};
constexpr Province kHeilongjiang{"黑龙江", kHeilongjiangCities};

// The north-east's own provinces come first so presets can skip them by name.
constexpr std::array<OutsideRegion, 16> kOutside{{
    {"辽宁", "沈阳", 42.6},
    {"吉林", "长春", 24.1},
    {"黑龙江", "哈尔滨", 31.9},
    {"内蒙古", "赤峰", 24.0},
    {"河北", "石家庄", 74.6},
    {"北京", "北京", 21.9},
    {"天津", "天津", 13.9},
    {"山东", "济南", 101.5},
    {"河南", "郑州", 99.4},
    {"江苏", "南京", 84.7},
    {"浙江", "杭州", 64.6},
    {"上海", "上海", 24.9},
    {"广东", "广州", 126.0},
    {"四川", "成都", 83.7},
    {"湖北", "武汉", 57.8},
    {"福建", "福州", 41.5},
}};

}  // namespace

const CategoryInfo& category_info(Category category) {
  return kCategories[static_cast<std::size_t>(category)];
}
const Province& liaoning() { return kLiaoning; }
const Province& jilin() { return kJilin; }
const Province& heilongjiang() { return kHeilongjiang; }
std::span<const OutsideRegion> outside_regions() { return kOutside; }

}  // namespace castgraph::generator
