#!/bin/sh
# Makes the demo recordings (DESIGN.md §9: "Load Demo Data").  They were
# generated once with this script and are committed; the build does not
# run it.  Needs espeak-ng (its Mandarin voice) and sox.
set -eu
cd "$(dirname "$0")"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

clip () {
  espeak-ng -v cmn -s 165 -w "$tmp/$1.wav" "$2"
  # 8 kHz (telephone) mono Vorbis at the lowest quality: speech stays clear, a clip
  # stays near 20 KiB.
  sox "$tmp/$1.wav" -r 8000 -c 1 -C -1 "$1.ogg" gain -n -1
}

clip 01-greeting   "您好，这里是12345政务服务便民热线，工号1001为您服务，请问有什么可以帮您？"
clip 02-complaint  "我要投诉。我们小区楼下的餐馆每天晚上噪音很大，已经影响我们休息好几个月了，一直没人管。"
clip 03-address    "好的，跟您核实一下地址：滨江区长河街道春波路一百二十八号，三单元五零二室，对吗？"
clip 04-ticket     "您反映的情况我已经详细记录，工单会在三个工作日内转交相关部门处理，请您保持电话畅通。"
clip 05-survey     "请问您对本次服务还满意吗？满意请按一，基本满意请按二，不满意请按三。"
clip 06-closing    "感谢您的来电，如有其他问题欢迎随时拨打12345热线，祝您生活愉快，再见。"
