// The name lists: common surnames (with the Manchu surnames frequent in the north-east:
// 关, 佟, 那, 富, 赫), given-name characters, streamer nickname patterns and base-name
// patterns. Surnames are drawn with a Zipf-like skew, as real surname frequencies are.
#include "generator/names.hpp"

#include <array>
#include <cmath>

namespace castgraph::generator {
namespace {

using W = std::string_view;

constexpr std::array<W, 100> kSurnames{
    "王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙", "胡", "朱", "高",
    "林", "何", "郭", "马", "罗", "梁", "宋", "郑", "谢", "韩", "唐", "冯", "于", "董", "肖",
    "程", "曹", "袁", "邓", "许", "傅", "沈", "曾", "彭", "吕", "苏", "卢", "蒋", "蔡", "贾",
    "丁", "魏", "薛", "叶", "阎", "余", "潘", "杜", "戴", "夏", "钟", "汪", "田", "任", "姜",
    "范", "方", "石", "姚", "谭", "廖", "邹", "熊", "金", "陆", "郝", "孔", "白", "崔", "康",
    "毛", "邱", "秦", "江", "史", "顾", "侯", "邵", "孟", "龙", "万", "段", "雷", "钱", "汤",
    "尹", "常", "武", "乔", "贺", "关", "佟", "那", "富", "赫"};

constexpr std::array<W, 96> kGiven{
    "伟", "芳", "娜", "秀", "英", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟",
    "涛", "明", "超", "霞", "平", "刚", "桂", "兰", "玉", "梅", "红", "鹏", "华", "飞", "鑫", "波",
    "宇", "浩", "凯", "健", "俊", "帆", "帅", "旭", "宁", "龙", "林", "欣", "晨", "辉", "婷", "雪",
    "琳", "丹", "阳", "春", "冬", "梦", "佳", "颖", "璐", "倩", "悦", "然", "子", "怡", "博", "文",
    "思", "雨", "馨", "彤", "诺", "可", "心", "亮", "斌", "峰", "海", "东", "金", "宝", "福", "成",
    "志", "国", "建", "庆", "晓", "立", "云", "萍", "莉", "慧", "娇", "蕾", "薇", "琪", "岩", "松"};

constexpr std::array<W, 8> kKin{"姐", "哥", "妹", "嫂", "叔", "大姐", "老师", "姨"};
constexpr std::array<W, 4> kCute{"", "呀", "吖", "酱"};
constexpr std::array<W, 6> kHandleSuffix{"官方", "直播间", "好物", "的店", "严选", "工厂店"};
constexpr std::array<W, 16> kMcnBrand{"星火",   "北斗", "黑土地", "老铁", "雪原",   "金穗",
                                      "辽河",   "渤海", "长白",   "松花", "鸭绿江", "红高粱",
                                      "东北虎", "冰城", "白山",   "黑水"};
constexpr std::array<W, 4> kMcnSuffix{"文化传媒", "网络科技", "电子商务", "传媒"};

template <std::size_t N>
W pick(Rng& rng, const std::array<W, N>& list) {
  return list[rng.below(N)];
}

W surname(Rng& rng) {
  const double u = rng.uniform();
  return kSurnames[static_cast<std::size_t>(kSurnames.size() * u * u)];
}

std::string personal_name(Rng& rng) {
  std::string name{surname(rng)};
  name += pick(rng, kGiven);
  if (rng.chance(0.6)) name += pick(rng, kGiven);
  return name;
}

}  // namespace

std::string host_name(Rng& rng, std::string_view city, std::string_view product) {
  const double u = rng.uniform();
  if (u < 0.55) return personal_name(rng);
  if (u < 0.68) {  // 丹丹呀
    const W given = pick(rng, kGiven);
    return std::string{given} + std::string{given} + std::string{pick(rng, kCute)};
  }
  if (u < 0.80) return std::string{city} + std::string{surname(rng)} + std::string{pick(rng, kKin)};
  if (u < 0.90)
    return std::string{product} + std::string{surname(rng)} + std::string{pick(rng, kKin)};
  if (u < 0.96) {
    std::string name{"东北"};
    name += rng.chance(0.5) ? "老" : "小";
    return name += surname(rng);
  }
  return personal_name(rng) + "的小店";
}

std::string host_handle(Rng& rng, std::string_view name, bool primary) {
  std::string handle{name};
  if (!primary) handle += pick(rng, kHandleSuffix);
  const double u = rng.uniform();
  if (u < 0.004)
    handle += ",每晚8点";
  else if (u < 0.006)
    handle += "\"福利\"专场";
  return handle;
}

std::string base_name(Rng& rng, std::string_view kind, std::string_view city,
                      std::string_view district, std::string_view speciality) {
  const std::string c{city}, d{district}, s{speciality};
  if (kind == kBaseMcn)
    return c + std::string{pick(rng, kMcnBrand)} + std::string{pick(rng, kMcnSuffix)};
  if (kind == kBaseTraining)
    return rng.chance(0.5) ? c + d + "直播电商人才培训基地" : c + d + "电商直播实训基地";
  if (kind == kBaseNationalDemo || kind == kBaseProvincialDemo)
    return rng.chance(0.5) ? c + d + "电子商务示范基地" : c + d + s + "电商产业示范园";
  switch (rng.below(3)) {
    case 0:
      return c + d + s + "直播基地";
    case 1:
      return c + d + "直播电商产业园";
    default:
      return d + s + "直播产业带基地";
  }
}

}  // namespace castgraph::generator
