<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>Application</name>
    <message>
        <source>Terahall</source>
        <translation>Terahall</translation>
    </message>
    <message>
        <source>The catalog could not be opened:
%1</source>
        <translation>无法打开目录：
%1</translation>
    </message>
</context>
<context>
    <name>AtomicWrite</name>
    <message>
        <source>cannot write %1: %2 (the previous file is unchanged)</source>
        <translation>无法写入 %1：%2（原文件未改动）</translation>
    </message>
    <message>
        <source>write failed (disk full?)</source>
        <translation>写入失败（磁盘已满？）</translation>
    </message>
</context>
<context>
    <name>Catalog</name>
    <message>
        <source>cannot open catalog %1: %2</source>
        <translation>无法打开目录 %1：%2</translation>
    </message>
    <message>
        <source>catalog schema statement failed: %1</source>
        <translation>目录架构语句执行失败：%1</translation>
    </message>
    <message>
        <source>%1 is not a Terahall catalog (it has tables but no schema_version)</source>
        <translation>%1 不是 Terahall 目录（有数据表但没有 schema_version）</translation>
    </message>
    <message>
        <source>catalog %1 has schema version %2, newer than this Terahall (%3): update Terahall; the file was not changed</source>
        <translation>目录 %1 的架构版本为 %2，比当前 Terahall 支持的版本（%3）更新：请升级 Terahall；文件未改动</translation>
    </message>
    <message>
        <source>no migration from catalog schema version %1</source>
        <translation>没有从目录架构版本 %1 迁移的方法</translation>
    </message>
    <message>
        <source>shipped %1, line %2: %3</source>
        <translation>内置 %1，第 %2 行：%3</translation>
    </message>
    <message>
        <source>shipped %1: %2</source>
        <translation>内置 %1：%2</translation>
    </message>
    <message>
        <source>cannot store %1 &apos;%2&apos;: %3</source>
        <translation>无法保存%1“%2”：%3</translation>
    </message>
    <message>
        <source>no chip with id &apos;%1&apos; in the catalog</source>
        <translation>目录中没有 ID 为“%1”的芯片</translation>
    </message>
    <message>
        <source>no user row &apos;%1&apos; (shipped rows cannot be removed, only overridden)</source>
        <translation>没有用户行“%1”（内置行不能删除，只能覆盖）</translation>
    </message>
    <message>
        <source>line %1: %2</source>
        <translation>第 %1 行：%2</translation>
    </message>
    <message>
        <source>the file is empty: expected a header row naming the columns</source>
        <translation>文件为空：第一行应为列名表头</translation>
    </message>
    <message>
        <source>line 1: the header does not match any catalog kind; export one with &apos;terahall catalog export&apos; to see the columns of: %1</source>
        <translation>第 1 行：表头与任何目录类别都不匹配；可用“terahall catalog export”导出以查看以下类别的列：%1</translation>
    </message>
    <message>
        <source>expected %1 fields, got %2</source>
        <translation>应有 %1 个字段，实际为 %2 个</translation>
    </message>
    <message>
        <source>id &apos;%1&apos; appears more than once in the file</source>
        <translation>ID“%1”在文件中出现多次</translation>
    </message>
    <message>
        <source>line %1, column %2: %3</source>
        <translation>第 %1 行，%2 列：%3</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>a value is required</source>
        <translation>必须填写</translation>
    </message>
    <message>
        <source>must be one of %1, got &apos;%2&apos;</source>
        <translation>必须是 %1 之一，实际为“%2”</translation>
    </message>
    <message>
        <source>must be 0 or 1, got &apos;%1&apos;</source>
        <translation>必须是 0 或 1，实际为“%1”</translation>
    </message>
    <message>
        <source>must be an integer in %1, got &apos;%2&apos;</source>
        <translation>必须是 %1 范围内的整数，实际为“%2”</translation>
    </message>
    <message>
        <source>must be a number in %1, got &apos;%2&apos;</source>
        <translation>必须是 %1 范围内的数值，实际为“%2”</translation>
    </message>
    <message>
        <source>must be in %1, got %2</source>
        <translation>必须在 %1 范围内，实际为 %2</translation>
    </message>
    <message>
        <source>must be a slug of 1-80 characters a-z, 0-9, &apos;.&apos;, &apos;+&apos;, &apos;_&apos;, &apos;-&apos; starting with a letter or digit, got &apos;%1&apos;</source>
        <translation>必须是 1–80 个字符的标识（a-z、0-9、“.”、“+”、“_”、“-”，以字母或数字开头），实际为“%1”</translation>
    </message>
</context>
<context>
    <name>Charts</name>
    <message>
        <source>Training time</source>
        <translation>训练时长</translation>
    </message>
    <message>
        <source>Cost per run</source>
        <translation>单次训练成本</translation>
    </message>
    <message>
        <source>Facility power</source>
        <translation>设施总功率</translation>
    </message>
    <message>
        <source>Energy per run</source>
        <translation>单次训练能耗</translation>
    </message>
    <message>
        <source>CO2 per run</source>
        <translation>单次训练 CO2</translation>
    </message>
    <message>
        <source>CapEx</source>
        <translation>资本支出</translation>
    </message>
    <message>
        <source>OpEx</source>
        <translation>运营支出</translation>
    </message>
    <message>
        <source>Tokens per dollar</source>
        <translation>每美元 token 数</translation>
    </message>
    <message>
        <source>Tokens per kWh</source>
        <translation>每 kWh token 数</translation>
    </message>
    <message>
        <source>PFLOPS per kW</source>
        <translation>每 kW PFLOPS</translation>
    </message>
    <message>
        <source>PFLOPS per m²</source>
        <translation>每 m² PFLOPS</translation>
    </message>
    <message>
        <source>MFU (estimated)</source>
        <translation>MFU（估算）</translation>
    </message>
    <message>
        <source>Chips</source>
        <translation>芯片数</translation>
    </message>
    <message>
        <source>Racks</source>
        <translation>机柜数</translation>
    </message>
    <message>
        <source>Floor area</source>
        <translation>占地面积</translation>
    </message>
    <message>
        <source>days</source>
        <translation>天</translation>
    </message>
    <message>
        <source>M USD</source>
        <translation>百万美元</translation>
    </message>
    <message>
        <source>MW</source>
        <translation>MW</translation>
    </message>
    <message>
        <source>MWh</source>
        <translation>MWh</translation>
    </message>
    <message>
        <source>t</source>
        <translation>吨</translation>
    </message>
    <message>
        <source>M USD/year</source>
        <translation>百万美元/年</translation>
    </message>
    <message>
        <source>tokens/USD</source>
        <translation>token/美元</translation>
    </message>
    <message>
        <source>tokens/kWh</source>
        <translation>token/kWh</translation>
    </message>
    <message>
        <source>PFLOPS/kW</source>
        <translation>PFLOPS/kW</translation>
    </message>
    <message>
        <source>PFLOPS/m²</source>
        <translation>PFLOPS/m²</translation>
    </message>
    <message>
        <source>chips</source>
        <translation>芯片</translation>
    </message>
    <message>
        <source>racks</source>
        <translation>机柜</translation>
    </message>
    <message>
        <source>m²</source>
        <translation>m²</translation>
    </message>
    <message>
        <source>Cost per run against training time (bubble area: facility MW)</source>
        <translation>单次训练成本与训练时长（气泡面积：设施 MW）</translation>
    </message>
    <message>
        <source>Training time (days)</source>
        <translation>训练时长（天）</translation>
    </message>
    <message>
        <source>Cost per run (M USD)</source>
        <translation>单次训练成本（百万美元）</translation>
    </message>
    <message>
        <source>Facility power at the design condition (PUE %1)</source>
        <translation>设计工况下的设施功率（PUE %1）</translation>
    </message>
    <message>
        <source>IT</source>
        <translation>IT</translation>
    </message>
    <message>
        <source>Chillers</source>
        <translation>冷水机组</translation>
    </message>
    <message>
        <source>Heat rejection fans</source>
        <translation>散热风机</translation>
    </message>
    <message>
        <source>Pumps</source>
        <translation>水泵</translation>
    </message>
    <message>
        <source>Terminal units</source>
        <translation>末端空调</translation>
    </message>
    <message>
        <source>Transformer losses</source>
        <translation>变压器损耗</translation>
    </message>
    <message>
        <source>UPS losses</source>
        <translation>UPS 损耗</translation>
    </message>
    <message>
        <source>Distribution losses</source>
        <translation>配电损耗</translation>
    </message>
    <message>
        <source>Lighting and other</source>
        <translation>照明及其他</translation>
    </message>
    <message>
        <source>Power (kW)</source>
        <translation>功率（kW）</translation>
    </message>
    <message>
        <source>Heat load and cooling capacity by zone</source>
        <translation>各制冷区域的热负荷与制冷容量</translation>
    </message>
    <message>
        <source>Heat load (kW)</source>
        <translation>热负荷（kW）</translation>
    </message>
    <message>
        <source>Capacity (kW)</source>
        <translation>制冷容量（kW）</translation>
    </message>
    <message>
        <source>Capacity N-1 (kW)</source>
        <translation>N-1 制冷容量（kW）</translation>
    </message>
    <message>
        <source>Zone %1 (%2, hall %3)</source>
        <translation>区域 %1（%2，机房 %3）</translation>
    </message>
    <message>
        <source>Sensitivity of training time (base %1 days)</source>
        <translation>训练时长敏感性（基准 %1 天）</translation>
    </message>
    <message>
        <source>Sensitivity of cost per run (base %1 M USD)</source>
        <translation>单次训练成本敏感性（基准 %1 百万美元）</translation>
    </message>
    <message>
        <source>Input at low end</source>
        <translation>输入取低值</translation>
    </message>
    <message>
        <source>Input at high end</source>
        <translation>输入取高值</translation>
    </message>
    <message>
        <source>Change of training time (days)</source>
        <translation>训练时长变化（天）</translation>
    </message>
    <message>
        <source>Change of cost per run (M USD)</source>
        <translation>单次训练成本变化（百万美元）</translation>
    </message>
    <message>
        <source>cannot write %1</source>
        <translation>无法写入 %1</translation>
    </message>
    <message>
        <source>charts are saved as .png or .svg, not &quot;%1&quot;</source>
        <translation>图表只能保存为 .png 或 .svg，而不是“%1”</translation>
    </message>
</context>
<context>
    <name>Cli</name>
    <message>
        <source>Usage:
  terahall catalog list [--kind chip|system|equipment|model|calibration]
  terahall catalog show ID
  terahall catalog import FILE.csv
  terahall catalog export FILE.csv [--kind KIND]   (default kind: chip; - writes to standard output)

Imported rows are user rows: they override shipped rows with the same id without deleting
them, and survive catalog updates. An import with any bad row changes nothing.
</source>
        <translation>用法：
  terahall catalog list [--kind chip|system|equipment|model|calibration]
  terahall catalog show ID
  terahall catalog import FILE.csv
  terahall catalog export FILE.csv [--kind KIND]   （默认类别：chip；- 表示写到标准输出）

导入的行为用户行：它们覆盖 ID 相同的内置行而不删除内置行，
并在目录更新后保留。只要有一行错误，整个导入不作任何更改。
</translation>
    </message>
    <message>
        <source>--kind: needs one of chip, system, equipment, model, calibration</source>
        <translation>--kind：需要 chip、system、equipment、model、calibration 之一</translation>
    </message>
    <message>
        <source>--kind: must be one of chip, system, equipment, model, calibration, got &quot;%1&quot;</source>
        <translation>--kind：必须是 chip、system、equipment、model、calibration 之一，实际为“%1”</translation>
    </message>
    <message>
        <source>catalog list: unexpected argument &quot;%1&quot;</source>
        <translation>catalog list：多余的参数“%1”</translation>
    </message>
    <message>
        <source>  (user)</source>
        <translation>  （用户）</translation>
    </message>
    <message>
        <source>catalog show: expects one id, got %1 arguments</source>
        <translation>catalog show：需要一个 ID，实际给了 %1 个参数</translation>
    </message>
    <message>
        <source>catalog show: no row with id &quot;%1&quot; (terahall catalog list shows the ids)</source>
        <translation>catalog show：没有 ID 为“%1”的行（terahall catalog list 可列出 ID）</translation>
    </message>
    <message>
        <source>catalog import: expects one CSV file, got %1 arguments</source>
        <translation>catalog import：需要一个 CSV 文件，实际给了 %1 个参数</translation>
    </message>
    <message>
        <source>catalog import: nothing was imported</source>
        <translation>catalog import：未导入任何内容</translation>
    </message>
    <message>
        <source>imported %1 %2 rows
</source>
        <translation>已导入 %1 行 %2
</translation>
    </message>
    <message>
        <source>catalog export: expects one output file (or -), got %1 arguments</source>
        <translation>catalog export：需要一个输出文件（或 -），实际给了 %1 个参数</translation>
    </message>
    <message>
        <source>catalog: needs a sub-command: list, show, import or export</source>
        <translation>catalog：需要子命令：list、show、import 或 export</translation>
    </message>
    <message>
        <source>catalog: unknown sub-command &quot;%1&quot;</source>
        <translation>catalog：未知子命令“%1”</translation>
    </message>
    <message>
        <source>Usage: terahall [COMMAND] [OPTIONS]

Without a command, opens the Terahall desktop application.

Commands:
  estimate SCENARIO.json           training estimate for a scenario (JSON to stdout)
  search SCENARIO.json [--top K]   best parallel layouts for the scenario&apos;s chips
  catalog list [--kind KIND]       list catalog rows (KIND: chip, system, equipment, model, calibration)
  catalog show ID                  every field of one catalog row, with source and confidence
  catalog import FILE.csv          add or override rows from a CSV (all rows or none)
  catalog export FILE.csv [--kind KIND]  write the rows in force as CSV (default kind: chip)
  evaluate PLAN.thplan             all KPIs of a floor plan
  compare SCENARIO.json --chips ID,ID [--equalize count=N|power=MW|budget=USD|deadline=DAYS] [-o OUT.csv|OUT.pdf]
                                   the same workload on several chips side by side
  report PLAN.thplan -o OUT.pdf [--compare ID,ID] [--paper a4|letter]
                                   the PDF report of a plan

Options:
  --format json|text   output format (default json)
  --catalog PATH       catalog database to use (default: $TERAHALL_CATALOG, else the user&apos;s data directory)
  -h, --help           this help; COMMAND --help for a command
  -v, --version        print the version

Exit status: 0 success, 1 result failed a requested check, 2 bad input or usage.
</source>
        <translation>用法：terahall [命令] [选项]

不带命令时打开 Terahall 桌面应用程序。

命令：
  estimate SCENARIO.json           场景的训练估算（JSON 输出到标准输出）
  search SCENARIO.json [--top K]   为场景的芯片搜索最佳并行方案
  catalog list [--kind KIND]       列出目录行（KIND：chip、system、equipment、model、calibration）
  catalog show ID                  显示一条目录行的全部字段及其来源和可信度
  catalog import FILE.csv          从 CSV 添加或覆盖行（全部导入或全部不导入）
  catalog export FILE.csv [--kind KIND]  将生效的行导出为 CSV（默认类别：chip）
  evaluate PLAN.thplan             平面布置方案的全部 KPI
  compare SCENARIO.json --chips ID,ID [--equalize count=N|power=MW|budget=USD|deadline=DAYS] [-o OUT.csv|OUT.pdf]
                                   在多种芯片上并列比较同一工作负载
  report PLAN.thplan -o OUT.pdf [--compare ID,ID] [--paper a4|letter]
                                   方案的 PDF 报告

选项：
  --format json|text   输出格式（默认 json）
  --catalog PATH       使用的目录数据库（默认：$TERAHALL_CATALOG，否则为用户数据目录）
  -h, --help           显示本帮助；“命令 --help”显示该命令的帮助
  -v, --version        显示版本

退出状态：0 成功，1 结果未通过所要求的检查，2 输入或用法错误。
</translation>
    </message>
    <message>
        <source>cannot read %1: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
    <message>
        <source>%1 is larger than 64 MiB; not a scenario or catalog file</source>
        <translation>%1 大于 64 MiB；不是场景或目录文件</translation>
    </message>
    <message>
        <source>--format: must be json or text, got &quot;%1&quot;</source>
        <translation>--format：必须是 json 或 text，实际为“%1”</translation>
    </message>
    <message>
        <source>--catalog: needs a file path</source>
        <translation>--catalog：需要文件路径</translation>
    </message>
    <message>
        <source>unknown command &quot;%1&quot;</source>
        <translation>未知命令“%1”</translation>
    </message>
    <message>
        <source>estimating MFU needs the architecture (layers, hidden, heads, seq_len, vocab), or a preset; or give /training/mfu in (0, 1]</source>
        <translation>估算 MFU 需要模型架构（layers、hidden、heads、seq_len、vocab）或预设；也可以给出 (0, 1] 范围内的 /training/mfu</translation>
    </message>
    <message>
        <source>is required when MFU is estimated (the step time depends on it); give global_batch_tokens or global_batch_sequences</source>
        <translation>在估算 MFU 时为必填项（单步时间取决于它）；请给出 global_batch_tokens 或 global_batch_sequences</translation>
    </message>
    <message>
        <source>Usage: terahall estimate SCENARIO.json [--format json|text] [--strict]

Reads a terahall.scenario/1 document (a file, or - for standard input) and prints the
terahall.estimate/1 result: training FLOP, days, chip-hours, MFU/HFU, memory per chip,
energy, CO2 and cost. With &quot;mfu&quot;: null the performance model estimates MFU for the
pinned parallelism, or searches the best one for the fields left open.
--strict: exit with status 1 when the result is infeasible or does not fit in memory.
</source>
        <translation>用法：terahall estimate SCENARIO.json [--format json|text] [--strict]

读取 terahall.scenario/1 文档（文件，或用 - 表示标准输入），输出
terahall.estimate/1 结果：训练 FLOP、天数、卡时、MFU/HFU、每卡显存、
能耗、CO2 和成本。当 &quot;mfu&quot; 为 null 时，性能模型按固定的并行方式估算 MFU，
或为未指定的字段搜索最佳并行方式。
--strict：结果不可行或显存放不下时以状态 1 退出。
</translation>
    </message>
    <message>
        <source>estimate: expects exactly one scenario file (or - for standard input), got %1 arguments</source>
        <translation>estimate：需要且仅需要一个场景文件（或用 - 表示标准输入），实际给了 %1 个参数</translation>
    </message>
    <message>
        <source>Infeasible: %1
</source>
        <translation>不可行：%1
</translation>
    </message>
    <message>
        <source>the estimate is impossible with these inputs (precision not supported or a non-positive value)</source>
        <translation>在这些输入下无法估算（不支持该精度或存在非正值）</translation>
    </message>
    <message>
        <source>Usage: terahall search SCENARIO.json [--top K] [--format json|text]

Enumerates every legal combination of tp, pp, dp, cp, ep, micro-batch, interleaving,
recompute and ZeRO stage for the scenario&apos;s chips (fields given in cluster.parallelism
stay pinned), and prints the K fastest (default 5, at most 100) with their time
breakdown, and how many combinations were rejected and why (terahall.search/1).
</source>
        <translation>用法：terahall search SCENARIO.json [--top K] [--format json|text]

为场景的芯片枚举 tp、pp、dp、cp、ep、微批次、交错、激活重计算和
ZeRO 阶段的所有合法组合（cluster.parallelism 中给出的字段保持固定），
输出最快的 K 个（默认 5，最多 100）及其时间分解，
以及被排除的组合数量和原因（terahall.search/1）。
</translation>
    </message>
    <message>
        <source>--top: must be an integer in [1, 100], got &quot;%1&quot;</source>
        <translation>--top：必须是 [1, 100] 范围内的整数，实际为“%1”</translation>
    </message>
    <message>
        <source>search: expects exactly one scenario file (or - for standard input), got %1 arguments</source>
        <translation>search：需要且仅需要一个场景文件（或用 - 表示标准输入），实际给了 %1 个参数</translation>
    </message>
    <message>
        <source>--precision: must be one of fp32, tf32, bf16, fp16, fp8, int8, fp4, got &quot;%1&quot;</source>
        <translation>--precision：必须是 fp32、tf32、bf16、fp16、fp8、int8、fp4 之一，实际为“%1”</translation>
    </message>
    <message>
        <source>evaluate: expects exactly one plan file, got %1 arguments</source>
        <translation>evaluate：需要且仅需要一个方案文件，实际给了 %1 个参数</translation>
    </message>
    <message>
        <source>%1 %2 %3 %4 %5 %6 %7 %8</source>
        <translation>%1 %2 %3 %4 %5 %6 %7 %8</translation>
    </message>
    <message>
        <source>infeasible: %1</source>
        <translation>不可行：%1</translation>
    </message>
    <message>
        <source>--chips: needs a comma-separated list of chip or system ids, e.g. --chips nvidia-h100-sxm,huawei-ascend-910c</source>
        <translation>--chips：需要以逗号分隔的芯片或系统 ID 列表，例如 --chips nvidia-h100-sxm,huawei-ascend-910c</translation>
    </message>
    <message>
        <source>compare: expects exactly one scenario file, got %1 arguments</source>
        <translation>compare：需要且仅需要一个场景文件，实际给了 %1 个参数</translation>
    </message>
    <message>
        <source>-o: needs an output file (.csv)</source>
        <translation>-o：需要输出文件（.csv）</translation>
    </message>
    <message>
        <source>--equalize: must be count=N, power=MW, budget=USD or deadline=DAYS, got &quot;%1&quot;</source>
        <translation>--equalize：必须是 count=N、power=MW、budget=USD 或 deadline=DAYS，实际为“%1”</translation>
    </message>
    <message>
        <source>--equalize %1: must be a number in [%2, %3], got &quot;%4&quot;</source>
        <translation>--equalize %1：必须是 [%2, %3] 范围内的数值，实际为“%4”</translation>
    </message>
    <message>
        <source>--power-cap: must be a number of MW in (0, 10000], got &quot;%1&quot;</source>
        <translation>--power-cap：必须是 (0, 10000] 范围内的 MW 数值，实际为“%1”</translation>
    </message>
    <message>
        <source>Usage: terahall compare SCENARIO.json --chips ID,ID,... [--equalize count=N|power=MW|budget=USD|deadline=DAYS]
                        [--power-cap MW] [-o OUT.csv|OUT.pdf] [--paper a4|letter] [--format json|text]

The scenario&apos;s workload on each chip (or system) side by side, made equal on the chip count
(default: the scenario&apos;s cluster.count), the facility power, the IT budget, or a deadline
(the fewest chips that train within it, optionally inside --power-cap MW). MFU is estimated
by the performance model unless the scenario types one. JSON to stdout (terahall.comparison/1),
or CSV or a PDF report (table and charts) with -o.
</source>
        <translation>用法：terahall compare SCENARIO.json --chips ID,ID,... [--equalize count=N|power=MW|budget=USD|deadline=DAYS]
                        [--power-cap MW] [-o OUT.csv|OUT.pdf] [--paper a4|letter] [--format json|text]

将场景的工作负载在每种芯片（或系统）上并列比较，可按芯片数量
（默认：场景的 cluster.count）、设施功率、IT 预算或截止期限对齐
（在期限内完成训练所需的最少芯片数，可选限制在 --power-cap MW 之内）。除非场景
给定 MFU，否则由性能模型估算。JSON 输出到标准输出（terahall.comparison/1），
或用 -o 输出 CSV 或 PDF 报告（表格和图表）。
</translation>
    </message>
    <message>
        <source>--paper: must be a4 or letter, got &quot;%1&quot;</source>
        <translation>--paper：必须是 a4 或 letter，实际为“%1”</translation>
    </message>
    <message>
        <source>-o: the output must end in .csv or .pdf, got &quot;%1&quot;</source>
        <translation>-o：输出文件必须以 .csv 或 .pdf 结尾，实际为“%1”</translation>
    </message>
    <message>
        <source>Usage: terahall report PLAN.thplan -o OUT.pdf [--compare ID,ID,...] [--paper a4|letter] [--no-charts]

Writes the PDF report of a plan: cover, executive summary (the KPIs of terahall evaluate),
the floor plan with legend, scale bar and north arrow, bill of materials, power and cooling
with violations and the PUE breakdown, the training estimate with its sensitivity, and the
assumptions and catalog sources. --compare adds a vendor comparison of the plan&apos;s workload on
those chips at the plan&apos;s chip count. The file is written atomically: on failure nothing is
left under OUT.pdf.
</source>
        <translation>用法：terahall report PLAN.thplan -o OUT.pdf [--compare ID,ID,...] [--paper a4|letter] [--no-charts]

生成方案的 PDF 报告：封面、执行摘要（terahall evaluate 的 KPI）、
带图例、比例尺和指北针的平面布置图、物料清单、含违规项和 PUE 分解的
供电与制冷、训练估算及其敏感性分析，以及假设条件和目录来源。
--compare 会在方案的芯片数量下，对方案的工作负载在这些芯片上进行厂商比较。
文件以原子方式写入：失败时 OUT.pdf 不会留下任何内容。
</translation>
    </message>
    <message>
        <source>-o: needs the output file, e.g. -o report.pdf</source>
        <translation>-o：需要输出文件，例如 -o report.pdf</translation>
    </message>
    <message>
        <source>-o: the output must end in .pdf, got &quot;%1&quot;</source>
        <translation>-o：输出文件必须以 .pdf 结尾，实际为“%1”</translation>
    </message>
    <message>
        <source>--compare: needs a comma-separated list of chip or system ids</source>
        <translation>--compare：需要以逗号分隔的芯片或系统 ID 列表</translation>
    </message>
    <message>
        <source>report: expects exactly one plan file, got %1 arguments</source>
        <translation>report：需要且仅需要一个方案文件，实际给了 %1 个参数</translation>
    </message>
    <message>
        <source>Usage: terahall evaluate PLAN.thplan [--precision bf16] [--strict] [--format json|text]

Prints every KPI of a floor plan (terahall.evaluation/1): accelerators, peak PFLOPS (dense,
by precision), IT and facility kW, PUE, densities, capacities, cost, the attached workload&apos;s
training estimate and the violations. --strict: exit 1 when there is an error violation.
The facility section includes the indicative 2D thermal map (airflow and rack inlet temperatures;
not CFD); --no-thermal skips it.
</source>
        <translation>用法：terahall evaluate PLAN.thplan [--precision bf16] [--strict] [--format json|text]

输出平面布置方案的全部 KPI（terahall.evaluation/1）：加速卡、峰值 PFLOPS（稠密，
按精度）、IT 与设施 kW、PUE、密度、容量、成本、所附工作负载的
训练估算以及违规项。--strict：存在错误级违规项时以状态 1 退出。
设施部分包含示意性二维热场图（气流组织与机柜进风温度；非 CFD）；--no-thermal 跳过热场计算。
</translation>
    </message>
</context>
<context>
    <name>Comparison</name>
    <message>
        <source>the equaliser leaves no whole system of this chip</source>
        <translation>按该对齐条件，这种芯片连一套完整系统都配不出</translation>
    </message>
    <message>
        <source>the estimate is impossible with these inputs</source>
        <translation>在这些输入下无法估算</translation>
    </message>
    <message>
        <source>unknown chip or system &quot;%1&quot; (terahall catalog list --kind chip lists them)</source>
        <translation>未知芯片或系统“%1”（terahall catalog list --kind chip 可列出）</translation>
    </message>
    <message>
        <source>no price in the catalog for this chip or its system: a budget cannot be compared</source>
        <translation>目录中没有该芯片或其系统的价格：无法按预算比较</translation>
    </message>
    <message>
        <source>cannot train within %1 days inside %2 MW</source>
        <translation>在 %2 MW 以内无法在 %1 天内完成训练</translation>
    </message>
    <message>
        <source>cannot train within %1 days at any size</source>
        <translation>任何规模都无法在 %1 天内完成训练</translation>
    </message>
    <message>
        <source>no candidate meets the %1 equaliser; first reason: %2</source>
        <translation>没有候选满足 %1 对齐条件；首个原因：%2</translation>
    </message>
</context>
<context>
    <name>Csv</name>
    <message>
        <source>the file contains NUL bytes (not a text CSV file)</source>
        <translation>文件包含 NUL 字节（不是文本 CSV 文件）</translation>
    </message>
    <message>
        <source>the file is not valid UTF-8</source>
        <translation>文件不是有效的 UTF-8</translation>
    </message>
    <message>
        <source>a quote inside an unquoted field</source>
        <translation>未加引号的字段中含有引号</translation>
    </message>
    <message>
        <source>text after a closing quote</source>
        <translation>右引号后还有文本</translation>
    </message>
    <message>
        <source>a quoted field is not closed</source>
        <translation>引号字段未闭合</translation>
    </message>
</context>
<context>
    <name>Engine</name>
    <message>
        <source>The model architecture (layers, hidden, heads, seq_len, vocab) is not given, so memory per chip was not computed.</source>
        <translation>未给出模型架构（layers、hidden、heads、seq_len、vocab），因此未计算每卡显存。</translation>
    </message>
    <message>
        <source>No parallelism (tp, pp, dp) is given, so memory per chip was not computed.</source>
        <translation>未给出并行方式（tp、pp、dp），因此未计算每卡显存。</translation>
    </message>
    <message>
        <source>The model state and activations do not fit in the chip&apos;s memory with this parallelism.</source>
        <translation>在此并行方式下，模型状态和激活值放不进芯片显存。</translation>
    </message>
    <message>
        <source>No system power is known for this chip: IT energy counts the accelerators&apos; TDP only (host, network and fans excluded).</source>
        <translation>该芯片没有已知的系统功率：IT 能耗只计入加速卡的 TDP（不含主机、网络和风扇）。</translation>
    </message>
    <message>
        <source>Neither a chip-hour price nor a chip price is known: compute cost is 0.</source>
        <translation>卡时价格和芯片价格均未知：计算成本按 0 计。</translation>
    </message>
    <message>
        <source>MFU above 0.75 is higher than any published large-scale training run.</source>
        <translation>MFU 高于 0.75，超过任何已公开的大规模训练记录。</translation>
    </message>
    <message>
        <source>No global batch size is given, so the step time is unknown.</source>
        <translation>未给出全局批大小，因此单步时间未知。</translation>
    </message>
    <message>
        <source>The model architecture (layers, hidden, heads, seq_len, vocab) is needed to estimate MFU.</source>
        <translation>估算 MFU 需要模型架构（layers、hidden、heads、seq_len、vocab）。</translation>
    </message>
    <message>
        <source>A chip count, batch, peak or parallel degree is not positive.</source>
        <translation>芯片数量、批大小、峰值算力或并行度存在非正值。</translation>
    </message>
    <message>
        <source>The chip has no dense peak at the training precision.</source>
        <translation>该芯片在训练精度下没有稠密峰值算力。</translation>
    </message>
    <message>
        <source>tp x pp x dp x cp does not equal the chip count.</source>
        <translation>tp × pp × dp × cp 不等于芯片数量。</translation>
    </message>
    <message>
        <source>Tensor parallelism is larger than the scale-up domain (NVLink/HCCS/UB/ICI).</source>
        <translation>张量并行度大于纵向扩展（Scale-up）域（NVLink/HCCS/UB/ICI）。</translation>
    </message>
    <message>
        <source>Tensor parallelism does not divide the attention heads.</source>
        <translation>张量并行度不能整除注意力头数。</translation>
    </message>
    <message>
        <source>More pipeline stages than layers.</source>
        <translation>流水线阶段数多于层数。</translation>
    </message>
    <message>
        <source>Context parallelism does not divide the sequence (2 x cp must divide seq_len).</source>
        <translation>上下文并行度不能整除序列长度（2 × cp 必须整除 seq_len）。</translation>
    </message>
    <message>
        <source>Expert parallelism does not divide the number of experts (or the model is dense).</source>
        <translation>专家并行度不能整除专家数（或模型为稠密模型）。</translation>
    </message>
    <message>
        <source>Expert parallelism does not divide dp x cp.</source>
        <translation>专家并行度不能整除 dp × cp。</translation>
    </message>
    <message>
        <source>The global batch is not a multiple of dp x micro-batch.</source>
        <translation>全局批大小不是 dp × 微批次的整数倍。</translation>
    </message>
    <message>
        <source>Interleaving needs pipeline parallelism and enough layers per stage.</source>
        <translation>交错调度需要流水线并行，且每个阶段有足够的层。</translation>
    </message>
    <message>
        <source>The model state and activations do not fit in the chip&apos;s memory.</source>
        <translation>模型状态和激活值放不进芯片显存。</translation>
    </message>
    <message>
        <source>Compute binds: most of the step is matrix math at the chip&apos;s achievable rate.</source>
        <translation>计算是瓶颈：单步时间主要花在以芯片可达速率进行的矩阵运算上。</translation>
    </message>
    <message>
        <source>Memory bandwidth binds: memory-bound operations (norms, activations, optimizer) take the largest share.</source>
        <translation>显存带宽是瓶颈：访存密集型运算（归一化、激活、优化器）占比最大。</translation>
    </message>
    <message>
        <source>Communication binds: exposed tensor-, data-, expert- or context-parallel traffic takes the largest share.</source>
        <translation>通信是瓶颈：未被掩盖的张量、数据、专家或上下文并行通信占比最大。</translation>
    </message>
    <message>
        <source>The pipeline bubble binds: stages wait while the pipeline fills and drains.</source>
        <translation>流水线气泡是瓶颈：流水线填充和排空时各阶段处于等待。</translation>
    </message>
    <message>
        <source>ZeRO-3 (sharded weights) is not combined with pipeline parallelism; use ZeRO-1 or ZeRO-2, or PP 1.</source>
        <translation>ZeRO-3（权重分片）不能与流水线并行同时使用；请改用 ZeRO-1 或 ZeRO-2，或将 PP 设为 1。</translation>
    </message>
    <message>
        <source>East-Data-West-Computing western hub (Inner Mongolia, Guizhou, Gansu, Ningxia) PUE &lt;= 1.20</source>
        <translation>“东数西算”西部枢纽（内蒙古、贵州、甘肃、宁夏）PUE ≤ 1.20</translation>
    </message>
    <message>
        <source>National hub node PUE &lt;= 1.25 (NDRC et al. 2021; eastern hub start-up zones)</source>
        <translation>国家枢纽节点 PUE ≤ 1.25（国家发展改革委等 2021；东部枢纽起步区）</translation>
    </message>
    <message>
        <source>New large and hyperscale data centres PUE &lt; 1.3 (NDRC et al. 2021)</source>
        <translation>新建大型、超大型数据中心 PUE &lt; 1.3（国家发展改革委等 2021）</translation>
    </message>
    <message>
        <source>National green data centre listing PUE &lt;= 1.30 (MIIT 2025)</source>
        <translation>国家绿色数据中心评选 PUE ≤ 1.30（工业和信息化部 2025）</translation>
    </message>
    <message>
        <source>GB 40879-2021 grade 1 (PUE &lt;= 1.20, thresholds medium confidence)</source>
        <translation>GB 40879-2021 一级（PUE ≤ 1.20，阈值可信度中等）</translation>
    </message>
    <message>
        <source>GB 40879-2021 grade 2 (PUE &lt;= 1.30)</source>
        <translation>GB 40879-2021 二级（PUE ≤ 1.30）</translation>
    </message>
    <message>
        <source>GB 40879-2021 grade 3 = limit value (PUE &lt;= 1.50)</source>
        <translation>GB 40879-2021 三级 = 限定值（PUE ≤ 1.50）</translation>
    </message>
    <message>
        <source>western hub ≤ %1</source>
        <translation>西部枢纽 ≤ %1</translation>
    </message>
    <message>
        <source>hub node ≤ %1</source>
        <translation>枢纽节点 ≤ %1</translation>
    </message>
    <message>
        <source>new large DC &lt; %1</source>
        <translation>新建大型 &lt; %1</translation>
    </message>
    <message>
        <source>green DC ≤ %1</source>
        <translation>绿色数据中心 ≤ %1</translation>
    </message>
    <message>
        <source>GB 40879 grade 1 ≤ %1</source>
        <translation>GB 40879 一级 ≤ %1</translation>
    </message>
    <message>
        <source>GB 40879 grade 2 ≤ %1</source>
        <translation>GB 40879 二级 ≤ %1</translation>
    </message>
    <message>
        <source>GB 40879 grade 3 ≤ %1</source>
        <translation>GB 40879 三级 ≤ %1</translation>
    </message>
    <message>
        <source>Expert tensor parallelism (etp) is invalid: etp x ep must divide tp x dp x cp, etp must divide the expert FFN width and fit the scale-up domain, and tp &gt; 1 with ep &gt; 1 needs sequence parallelism.</source>
        <translation>专家张量并行度（etp）无效：etp × ep 必须整除 tp × dp × cp，etp 必须整除专家 FFN 宽度且不超过纵向扩展域，tp &gt; 1 且 ep &gt; 1 时必须启用序列并行。</translation>
    </message>
</context>
<context>
    <name>Estimate</name>
    <message>
        <source>chip calibration fitted on published runs of this chip</source>
        <translation>芯片校准基于该芯片已公开的训练记录拟合</translation>
    </message>
    <message>
        <source>no published runs of this chip: architecture-class defaults, lower confidence</source>
        <translation>该芯片没有已公开的训练记录：采用架构类别默认值，可信度较低</translation>
    </message>
    <message>
        <source>Model:            %1 (%2 parameters, %3 active)</source>
        <translation>模型：            %1（%2 参数，%3 激活）</translation>
    </message>
    <message>
        <source>Cluster:          %1 x %2, %3 dense peak %4 PFLOPS</source>
        <translation>集群：            %1 × %2，%3 稠密峰值 %4 PFLOPS</translation>
    </message>
    <message>
        <source>Training compute: %1 FLOP (%2 PF-days)</source>
        <translation>训练计算量：      %1 FLOP（%2 PF-天）</translation>
    </message>
    <message>
        <source>MFU / HFU:        %1 / %2 (%3)</source>
        <translation>MFU / HFU：       %1 / %2（%3）</translation>
    </message>
    <message>
        <source>Parallelism:      tp %1, pp %2, dp %3, cp %4, ep %5, micro-batch %6, interleave %7, recompute %8, ZeRO %9</source>
        <translation>并行方式：        tp %1，pp %2，dp %3，cp %4，ep %5，微批次 %6，交错 %7，重计算 %8，ZeRO %9</translation>
    </message>
    <message>
        <source>Step breakdown:   compute %1 s, memory-bound %2 s, TP %3 s, PP %4 s, bubble %5 s, DP %6 s, EP %7 s, CP %8 s, other %9 s</source>
        <translation>单步分解：        计算 %1 秒，访存 %2 秒，TP %3 秒，PP %4 秒，气泡 %5 秒，DP %6 秒，EP %7 秒，CP %8 秒，其他 %9 秒</translation>
    </message>
    <message>
        <source>Note: no published runs of this chip; architecture-class calibration defaults (lower confidence).</source>
        <translation>注意：该芯片没有已公开的训练记录；采用架构类别的校准默认值（可信度较低）。</translation>
    </message>
    <message>
        <source>Time:             %1 days (%2 chip-hours)</source>
        <translation>时间：            %1 天（%2 卡时）</translation>
    </message>
    <message>
        <source>Throughput:       %1 tokens/s</source>
        <translation>吞吐量：          %1 token/s</translation>
    </message>
    <message>
        <source>Step time:        %1 s</source>
        <translation>单步时间：        %1 秒</translation>
    </message>
    <message>
        <source>Memory per chip:  %1 of %2 GiB (%3)</source>
        <translation>每卡显存：        %1 / %2 GiB（%3）</translation>
    </message>
    <message>
        <source>fits</source>
        <translation>放得下</translation>
    </message>
    <message>
        <source>does NOT fit</source>
        <translation>放不下</translation>
    </message>
    <message>
        <source>Energy:           %1 MWh IT, %2 MWh facility (PUE %3), %4 t CO2</source>
        <translation>能耗：            IT %1 MWh，设施 %2 MWh（PUE %3），%4 吨 CO2</translation>
    </message>
    <message>
        <source>Cost:             %1 USD compute (%2), %3 USD energy</source>
        <translation>成本：            计算 %1 美元（%2），电费 %3 美元</translation>
    </message>
    <message>
        <source>rented</source>
        <translation>租用</translation>
    </message>
    <message>
        <source>owned, amortised</source>
        <translation>自有，折旧摊销</translation>
    </message>
    <message>
        <source>Warning: %1</source>
        <translation>警告：%1</translation>
    </message>
    <message>
        <source>%1 on %2 x %3: %4 combinations, %5 evaluated, %6 feasible, %7 pruned</source>
        <translation>%1 在 %2 × %3 上：%4 种组合，已评估 %5，可行 %6，剪枝 %7</translation>
    </message>
    <message>
        <source>%1. tp %2 pp %3 dp %4 cp %5 ep %6 mb %7 v %8 %9 ZeRO-%10: step %11 s, MFU %12, %13 GiB/chip, %14</source>
        <translation>%1. tp %2 pp %3 dp %4 cp %5 ep %6 mb %7 v %8 %9 ZeRO-%10：单步 %11 秒，MFU %12，%13 GiB/卡，%14</translation>
    </message>
    <message>
        <source>rejected %1: %2</source>
        <translation>已排除 %1：%2</translation>
    </message>
</context>
<context>
    <name>Evaluation</name>
    <message>
        <source>Plan:             %1</source>
        <translation>方案：            %1</translation>
    </message>
    <message>
        <source>Accelerators:     %1 (%2), %3 racks (%4 compute)</source>
        <translation>加速卡：          %1（%2），%3 个机柜（%4 个计算机柜）</translation>
    </message>
    <message>
        <source>Peak:             %1 PFLOPS %2 dense</source>
        <translation>峰值：            %1 PFLOPS %2 稠密</translation>
    </message>
    <message>
        <source>Power:            %1 kW IT, %2 kW facility, PUE %3 (%4)</source>
        <translation>功率：            IT %1 kW，设施 %2 kW，PUE %3（%4）</translation>
    </message>
    <message>
        <source>Density:          %1 kW/rack max, %2 avg; %3 kW/m2; %4 kg/m2 max</source>
        <translation>密度：            单机柜最大 %1 kW，平均 %2；%3 kW/m2；最大 %4 kg/m2</translation>
    </message>
    <message>
        <source>Capacity:         power %1 kW (%2 %), cooling %3 kW (%4 %)</source>
        <translation>容量：            供电 %1 kW（%2 %），制冷 %3 kW（%4 %）</translation>
    </message>
    <message>
        <source>Cost:             CapEx %1 USD (%2 items without price), OpEx %3 USD/year</source>
        <translation>成本：            资本支出 %1 美元（%2 项无价格），运营支出 %3 美元/年</translation>
    </message>
    <message>
        <source>Workload:         %1 days at MFU %2</source>
        <translation>工作负载：        %1 天，MFU %2</translation>
    </message>
    <message>
        <source>Workload:         %1</source>
        <translation>工作负载：        %1</translation>
    </message>
    <message>
        <source>%1 [%2]: %3</source>
        <translation>%1 [%2]：%3</translation>
    </message>
</context>
<context>
    <name>FacilityAnalysis</name>
    <message numerus="yes">
        <source>%n item(s) in %1 load their floor tiles above the rating of %2 kg/m2 (peak %3 kg/m2)</source>
        <translation>
            <numerusform>%1 中有 %n 台设备的地砖荷载超过楼板承重 %2 kg/m2（峰值 %3 kg/m2）</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>aisles in %1 narrower than %2 mm (narrowest %3 mm) between %n item(s)</source>
        <translation>
            <numerusform>%1 中 %n 台设备之间的通道窄于 %2 mm（最窄 %3 mm）</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n item(s) stand within %1 mm of door %2</source>
        <translation>
            <numerusform>%n 台设备位于门 %2 的 %1 mm 范围内</numerusform>
        </translation>
    </message>
    <message>
        <source>no transformer, UPS or distribution unit is placed: the power chain and its losses are not modelled</source>
        <translation>未放置变压器、UPS 或配电单元：未对供电链路及其损耗建模</translation>
    </message>
    <message numerus="yes">
        <source>%n power unit(s) carry more than %1 % of their rating</source>
        <translation>
            <numerusform>%n 台供电设备的负载超过其额定值的 %1 %</numerusform>
        </translation>
    </message>
    <message>
        <source>the power chain can deliver %1 kW of the %2 kW IT load at derated ratings</source>
        <translation>在降额条件下，供电链路只能为 %2 kW 的 IT 负载提供 %1 kW</translation>
    </message>
    <message>
        <source>power redundancy is %1, target %2 (%3 single failure(s) drop or overload racks)</source>
        <translation>供电冗余为 %1，目标 %2（%3 种单点故障会导致机柜断电或过载）</translation>
    </message>
    <message numerus="yes">
        <source>%n UPS unit(s) hold less than %1 min of battery at their load</source>
        <translation>
            <numerusform>%n 台 UPS 在当前负载下的电池后备时间少于 %1 分钟</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 cooling zone: %2 kW of heat, %3 kW of capacity</source>
        <translation>%1 制冷区域：热负荷 %2 kW，制冷容量 %3 kW</translation>
    </message>
    <message>
        <source>cooling zones lose capacity below their heat when their largest unit fails (not N+1)</source>
        <translation>当最大一台制冷设备故障时，制冷区域的容量低于热负荷（未满足 N+1）</translation>
    </message>
    <message numerus="yes">
        <source>%n liquid-cooled rack(s) have no CDU within reach</source>
        <translation>
            <numerusform>%n 个液冷机柜的可及范围内没有冷量分配单元（CDU）</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n immersion system(s) have no immersion cooling unit within reach</source>
        <translation>
            <numerusform>%n 套浸没式系统的可及范围内没有浸没式液冷设备</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n rack(s) reject heat to air with no air cooling unit within reach</source>
        <translation>
            <numerusform>%n 个风冷散热机柜的可及范围内没有空调末端</numerusform>
        </translation>
    </message>
    <message>
        <source>unknown climate site &apos;%1&apos;; using Beijing</source>
        <translation>未知气候站点“%1”；改用北京</translation>
    </message>
    <message>
        <source>no chiller, dry cooler or cooling tower is placed: PUE assumes water-cooled chillers (COP %1) with cooling towers and economiser</source>
        <translation>未放置冷水机组、干冷器或冷却塔：PUE 按水冷冷水机组（COP %1）配冷却塔和自然冷却估算</translation>
    </message>
    <message>
        <source>water-cooled chillers are placed without cooling towers or dry coolers: towers are assumed</source>
        <translation>放置了水冷冷水机组但没有冷却塔或干冷器：按配有冷却塔估算</translation>
    </message>
    <message>
        <source>annual PUE %1 misses the target: %2</source>
        <translation>年均 PUE %1 未达到目标：%2</translation>
    </message>
    <message>
        <source>heat rejection capacity %1 kW is below the %2 kW to reject at the design point</source>
        <translation>散热容量 %1 kW 低于设计工况下需要排出的 %2 kW</translation>
    </message>
    <message>
        <source>at the design point (%1 C) %2 kW need mechanical cooling but no chiller is placed</source>
        <translation>在设计工况（%1 °C）下有 %2 kW 需要机械制冷，但未放置冷水机组</translation>
    </message>
    <message>
        <source>chiller capacity %1 kW is below the %2 kW of mechanical cooling at the design point</source>
        <translation>冷水机组容量 %1 kW 低于设计工况下的机械制冷需求 %2 kW</translation>
    </message>
    <message>
        <source>generators (%1 kW, %2 kW derated) do not cover the %3 kW facility load at the design point</source>
        <translation>柴油发电机（%1 kW，降额后 %2 kW）不足以承担设计工况下 %3 kW 的设施负载</translation>
    </message>
    <message numerus="yes">
        <source>%n rack(s) in %1 have an indicative inlet above 32 C (ASHRAE A1 allowable)</source>
        <translation>
            <numerusform>%1 中有 %n 个机柜的进风温度估计值超过 32 °C（ASHRAE A1 允许上限）</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n rack(s) in %1 have an indicative inlet above 27 C (ASHRAE recommended)</source>
        <translation>
            <numerusform>%1 中有 %n 个机柜的进风温度估计值超过 27 °C（ASHRAE 推荐上限）</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FeedRules</name>
    <message>
        <source>a transformer</source>
        <translation>变压器</translation>
    </message>
    <message>
        <source>a UPS</source>
        <translation>UPS</translation>
    </message>
    <message>
        <source>a PDU, RPP or busway</source>
        <translation>PDU、RPP 或母线槽</translation>
    </message>
    <message>
        <source>a rack</source>
        <translation>机柜</translation>
    </message>
    <message>
        <source>an item outside the power chain</source>
        <translation>不属于供电链路的设备</translation>
    </message>
    <message>
        <source>the item no longer exists</source>
        <translation>该设备已不存在</translation>
    </message>
    <message>
        <source>a unit cannot feed itself</source>
        <translation>设备不能给自身供电</translation>
    </message>
    <message>
        <source>only transformers, UPS, PDUs/RPPs/busways and racks take part in the power chain</source>
        <translation>只有变压器、UPS、PDU/RPP/母线槽和机柜属于供电链路</translation>
    </message>
    <message>
        <source>a transformer takes the utility supply; nothing on the plan feeds it</source>
        <translation>变压器由市电供电；平面图上没有设备为其供电</translation>
    </message>
    <message>
        <source>a rack cannot feed other equipment</source>
        <translation>机柜不能为其他设备供电</translation>
    </message>
    <message>
        <source>%1 cannot feed %2: power flows transformer → UPS → PDU → rack</source>
        <translation>%1 不能为 %2 供电：电能流向为 变压器 → UPS → PDU → 机柜</translation>
    </message>
    <message>
        <source>this feed would close a loop: the upstream unit is already fed through this one</source>
        <translation>该供电会形成环路：上游设备已经经由本设备供电</translation>
    </message>
    <message>
        <source>only racks have a B feed</source>
        <translation>只有机柜有 B 路供电</translation>
    </message>
    <message>
        <source>this rack is single-corded: it has no B feed</source>
        <translation>该机柜为单电源：没有 B 路供电</translation>
    </message>
    <message>
        <source>draw the A feed first</source>
        <translation>请先连接 A 路供电</translation>
    </message>
    <message>
        <source>the B feed must come from another unit than the A feed</source>
        <translation>B 路供电必须来自与 A 路不同的设备</translation>
    </message>
    <message>
        <source>this unit is already the rack&apos;s B feed</source>
        <translation>该设备已是此机柜的 B 路供电</translation>
    </message>
</context>
<context>
    <name>Input</name>
    <message>
        <source>an array</source>
        <translation>数组</translation>
    </message>
    <message>
        <source>an object</source>
        <translation>对象</translation>
    </message>
    <message>
        <source>nothing</source>
        <translation>空</translation>
    </message>
    <message>
        <source>an integer in %1</source>
        <translation>%1 范围内的整数</translation>
    </message>
    <message>
        <source>a number in %1</source>
        <translation>%1 范围内的数值</translation>
    </message>
    <message>
        <source>unknown field (allowed here: %1)</source>
        <translation>未知字段（此处允许：%1）</translation>
    </message>
    <message>
        <source>is required: must be %1</source>
        <translation>必填：必须是%1</translation>
    </message>
    <message>
        <source>must be %1, got %2</source>
        <translation>必须是%1，实际为 %2</translation>
    </message>
    <message>
        <source>is required: must be a string</source>
        <translation>必填：必须是字符串</translation>
    </message>
    <message>
        <source>must be a string, got %1</source>
        <translation>必须是字符串，实际为 %1</translation>
    </message>
    <message>
        <source>must be one of %1, got &quot;%2&quot;</source>
        <translation>必须是 %1 之一，实际为“%2”</translation>
    </message>
    <message>
        <source>is required: must be an object</source>
        <translation>必填：必须是对象</translation>
    </message>
    <message>
        <source>must be an object, got %1</source>
        <translation>必须是对象，实际为 %1</translation>
    </message>
    <message>
        <source>unknown model preset &quot;%1&quot; (terahall catalog list --kind model lists them)</source>
        <translation>未知模型预设“%1”（terahall catalog list --kind model 可列出）</translation>
    </message>
    <message>
        <source>must be true or false, got %1</source>
        <translation>必须是 true 或 false，实际为 %1</translation>
    </message>
    <message>
        <source>must be at most experts (%1), got %2</source>
        <translation>不得超过专家数（%1），实际为 %2</translation>
    </message>
    <message>
        <source>must not exceed params (%1), got %2</source>
        <translation>不得超过参数量（%1），实际为 %2</translation>
    </message>
    <message>
        <source>the architecture needs layers, hidden, heads, seq_len and vocab together; missing: %1</source>
        <translation>模型架构需要同时给出 layers、hidden、heads、seq_len 和 vocab；缺少：%1</translation>
    </message>
    <message>
        <source>must divide hidden (%1), got %2</source>
        <translation>必须整除 hidden（%1），实际为 %2</translation>
    </message>
    <message>
        <source>must divide heads (%1), got %2</source>
        <translation>必须整除 heads（%1），实际为 %2</translation>
    </message>
    <message>
        <source>dense_layers (%1) exceeds layers (%2)</source>
        <translation>dense_layers（%1）超过 layers（%2）</translation>
    </message>
    <message>
        <source>is required: a chip id from the catalog (terahall catalog list --kind chip) or an object with &quot;base&quot; and overrides</source>
        <translation>必填：目录中的芯片 ID（terahall catalog list --kind chip）或带 &quot;base&quot; 和覆盖值的对象</translation>
    </message>
    <message>
        <source>must be a chip id string or an object, got %1</source>
        <translation>必须是芯片 ID 字符串或对象，实际为 %1</translation>
    </message>
    <message>
        <source>unknown chip &quot;%1&quot; (terahall catalog list --kind chip lists them)</source>
        <translation>未知芯片“%1”（terahall catalog list --kind chip 可列出）</translation>
    </message>
    <message>
        <source>tp x pp x dp x cp = %1 x %2 x %3 x %4 = %5 must equal /cluster/count (%6)</source>
        <translation>tp × pp × dp × cp = %1 × %2 × %3 × %4 = %5，必须等于 /cluster/count（%6）</translation>
    </message>
    <message>
        <source>tp x pp x cp = %1 must divide /cluster/count (%2) so that dp is a whole number</source>
        <translation>tp × pp × cp = %1 必须整除 /cluster/count（%2），dp 才能为整数</translation>
    </message>
    <message>
        <source>must divide dp x cp (%1), got %2</source>
        <translation>必须整除 dp × cp（%1），实际为 %2</translation>
    </message>
    <message>
        <source>expert parallelism needs a mixture-of-experts model (model.moe), got %1</source>
        <translation>专家并行需要混合专家模型（model.moe），实际为 %1</translation>
    </message>
    <message>
        <source>must divide the number of experts (%1), got %2</source>
        <translation>必须整除专家数（%1），实际为 %2</translation>
    </message>
    <message>
        <source>malformed JSON at line %1, column %2: %3</source>
        <translation>JSON 格式错误，位于第 %1 行第 %2 列：%3</translation>
    </message>
    <message>
        <source>must be a JSON object (a terahall.scenario/1 document)</source>
        <translation>必须是 JSON 对象（terahall.scenario/1 文档）</translation>
    </message>
    <message>
        <source>must be &quot;%1&quot; (this Terahall reads that version), got &quot;%2&quot;</source>
        <translation>必须是“%1”（当前 Terahall 读取该版本），实际为“%2”</translation>
    </message>
    <message>
        <source>must be at most %1 (the largest scale-up domain of %2), got %3</source>
        <translation>不得超过 %1（%2 的最大纵向扩展域），实际为 %3</translation>
    </message>
    <message>
        <source>give either global_batch_tokens or global_batch_sequences, not both</source>
        <translation>global_batch_tokens 和 global_batch_sequences 只能给出其一</translation>
    </message>
    <message>
        <source>needs model.seq_len to convert sequences to tokens</source>
        <translation>需要 model.seq_len 才能把序列数换算成 token 数</translation>
    </message>
    <message>
        <source>%1 has no dense %2 peak in the catalog; supported: %3</source>
        <translation>%1 在目录中没有 %2 稠密峰值；支持：%3</translation>
    </message>
    <message>
        <source>expert tensor parallelism needs a mixture-of-experts model (model.moe), got %1</source>
        <translation>专家张量并行需要混合专家模型（model.moe），实际为 %1</translation>
    </message>
    <message>
        <source>must divide the expert FFN width (%1), got %2</source>
        <translation>必须整除专家 FFN 宽度（%1），实际为 %2</translation>
    </message>
    <message>
        <source>etp x ep (%1) must divide tp x dp x cp (%2), got etp %3</source>
        <translation>etp × ep（%1）必须整除 tp × dp × cp（%2），实际 etp 为 %3</translation>
    </message>
</context>
<context>
    <name>Kpi</name>
    <message>
        <source>Accelerators</source>
        <translation>加速卡</translation>
    </message>
    <message>
        <source>Racks (compute)</source>
        <translation>机柜（计算）</translation>
    </message>
    <message>
        <source>(%1 compute)</source>
        <translation>（计算 %1）</translation>
    </message>
    <message>
        <source>Peak compute, dense</source>
        <translation>峰值算力（稠密）</translation>
    </message>
    <message>
        <source>IT power</source>
        <translation>IT 功率</translation>
    </message>
    <message>
        <source>Facility power</source>
        <translation>设施总功率</translation>
    </message>
    <message>
        <source>PUE (design)</source>
        <translation>PUE（设计）</translation>
    </message>
    <message>
        <source>PUE (annual)</source>
        <translation>PUE（年均）</translation>
    </message>
    <message>
        <source>Rack power, max</source>
        <translation>单机柜功率（最大）</translation>
    </message>
    <message>
        <source>Power density</source>
        <translation>功率密度</translation>
    </message>
    <message>
        <source>Floor load, max</source>
        <translation>楼板荷载（最大）</translation>
    </message>
    <message>
        <source>CapEx</source>
        <translation>资本支出（CapEx）</translation>
    </message>
    <message>
        <source>OpEx</source>
        <translation>运营支出（OpEx）</translation>
    </message>
    <message>
        <source>TCO</source>
        <translation>总拥有成本（TCO）</translation>
    </message>
    <message>
        <source>Facility energy</source>
        <translation>设施能耗</translation>
    </message>
    <message>
        <source>CO2</source>
        <translation>碳排放（CO2）</translation>
    </message>
    <message>
        <source>Training time</source>
        <translation>训练时长</translation>
    </message>
    <message>
        <source>days</source>
        <translation>天</translation>
    </message>
    <message>
        <source>MFU</source>
        <translation>MFU</translation>
    </message>
    <message>
        <source>(estimated)</source>
        <translation>（估算）</translation>
    </message>
    <message>
        <source>(given)</source>
        <translation>（给定）</translation>
    </message>
    <message>
        <source>Chip-hours</source>
        <translation>卡时</translation>
    </message>
    <message>
        <source>Violations</source>
        <translation>违规项</translation>
    </message>
    <message>
        <source>(%1 errors)</source>
        <translation>（%1 个错误）</translation>
    </message>
</context>
<context>
    <name>PlacementCheck</name>
    <message>
        <source>there is no hall here</source>
        <translation>此处没有机房</translation>
    </message>
    <message>
        <source>%1 has no yard</source>
        <translation>%1 没有室外场地</translation>
    </message>
    <message>
        <source>it would leave the yard</source>
        <translation>会超出室外场地</translation>
    </message>
    <message>
        <source>it would leave %1</source>
        <translation>会超出 %1</translation>
    </message>
    <message>
        <source>it would block the door%1</source>
        <translation>会挡住门%1</translation>
    </message>
    <message>
        <source>it would stand in the hot aisle%1</source>
        <translation>会占用热通道%1</translation>
    </message>
    <message>
        <source>it would stand in the cold aisle%1</source>
        <translation>会占用冷通道%1</translation>
    </message>
    <message>
        <source>it would overlap a column%1</source>
        <translation>会与柱子重叠%1</translation>
    </message>
    <message>
        <source>it would overlap a wall%1</source>
        <translation>会与墙体重叠%1</translation>
    </message>
    <message>
        <source>it would overlap %1</source>
        <translation>会与 %1 重叠</translation>
    </message>
    <message>
        <source>the new items would overlap each other</source>
        <translation>新放置的设备会相互重叠</translation>
    </message>
    <message>
        <source>a door must touch the hall boundary</source>
        <translation>门必须紧贴机房边界</translation>
    </message>
</context>
<context>
    <name>PlanAnalysis</name>
    <message>
        <source>%1 and %2 overlap</source>
        <translation>%1 与 %2 重叠</translation>
    </message>
    <message>
        <source>cooling-type estimate</source>
        <translation>按制冷方式估算</translation>
    </message>
    <message>
        <source>%1 is outdoor equipment placed inside the hall</source>
        <translation>%1 是室外设备，却放在机房内</translation>
    </message>
    <message>
        <source>%1 is indoor equipment placed in the yard</source>
        <translation>%1 是室内设备，却放在室外场地</translation>
    </message>
    <message>
        <source>%1 lies outside %2</source>
        <translation>%1 位于 %2 之外</translation>
    </message>
    <message>
        <source>the yard</source>
        <translation>室外场地</translation>
    </message>
    <message numerus="yes">
        <source>%n item(s) reference catalog ids this catalog lacks (%1); they are kept but not counted</source>
        <translation>
            <numerusform>%n 台设备引用了本目录中不存在的目录 ID（%1）；这些设备会保留，但不计入统计</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 blocks door %2</source>
        <translation>%1 挡住了门 %2</translation>
    </message>
    <message>
        <source>IT load %1 kW exceeds the placed power capacity %2 kW</source>
        <translation>IT 负载 %1 kW 超过已放置的供电容量 %2 kW</translation>
    </message>
    <message>
        <source>IT heat %1 kW exceeds the placed cooling capacity %2 kW</source>
        <translation>IT 散热量 %1 kW 超过已放置的制冷容量 %2 kW</translation>
    </message>
    <message>
        <source>the heaviest item loads %1 kg/m2, above the floor rating of %2 (%3 kg/m2)</source>
        <translation>最重的设备荷载为 %1 kg/m2，超过 %2 的楼板承重（%3 kg/m2）</translation>
    </message>
    <message>
        <source>facility model (stand-in chiller plant)</source>
        <translation>设施模型（假定的冷水机组系统）</translation>
    </message>
    <message>
        <source>facility model</source>
        <translation>设施模型</translation>
    </message>
    <message>
        <source>the plan has no accelerators to train on</source>
        <translation>方案中没有可用于训练的加速卡</translation>
    </message>
    <message>
        <source>estimating MFU needs the model architecture (use a preset or give layers, hidden, heads, seq_len, vocab)</source>
        <translation>估算 MFU 需要模型架构（使用预设，或给出 layers、hidden、heads、seq_len、vocab）</translation>
    </message>
    <message>
        <source>estimating MFU needs the global batch size (tokens)</source>
        <translation>估算 MFU 需要全局批大小（token 数）</translation>
    </message>
    <message>
        <source>no feasible parallel layout: %1</source>
        <translation>没有可行的并行方案：%1</translation>
    </message>
</context>
<context>
    <name>PlanFile</name>
    <message>
        <source>hall id %1 is used twice</source>
        <translation>机房 ID %1 被重复使用</translation>
    </message>
    <message>
        <source>no hall with id %1 in this plan</source>
        <translation>本方案中没有 ID 为 %1 的机房</translation>
    </message>
    <message>
        <source>must be true or false, got %1</source>
        <translation>必须是 true 或 false，实际为 %1</translation>
    </message>
    <message>
        <source>must be 0, 90, 180 or 270, got %1</source>
        <translation>必须是 0、90、180 或 270，实际为 %1</translation>
    </message>
    <message>
        <source>item id %1 is used twice</source>
        <translation>设备 ID %1 被重复使用</translation>
    </message>
    <message>
        <source>must be an array, got %1</source>
        <translation>必须是数组，实际为 %1</translation>
    </message>
    <message>
        <source>must be an object, got %1</source>
        <translation>必须是对象，实际为 %1</translation>
    </message>
    <message>
        <source>not a readable plan: the JSON is corrupt or truncated at byte %1 (%2)</source>
        <translation>不是可读取的方案：JSON 已损坏或在第 %1 字节处被截断（%2）</translation>
    </message>
    <message>
        <source>not a Terahall plan: expected a JSON object</source>
        <translation>不是 Terahall 方案：应为 JSON 对象</translation>
    </message>
    <message>
        <source>not a Terahall plan: no &quot;schema&quot;: &quot;terahall.plan/N&quot; field</source>
        <translation>不是 Terahall 方案：缺少 &quot;schema&quot;: &quot;terahall.plan/N&quot; 字段</translation>
    </message>
    <message>
        <source>not a Terahall plan: this is a &quot;%1&quot; document</source>
        <translation>不是 Terahall 方案：这是“%1”文档</translation>
    </message>
    <message>
        <source>unknown plan version &quot;%1&quot;</source>
        <translation>未知的方案版本“%1”</translation>
    </message>
    <message>
        <source>this plan was written by a newer Terahall (format version %1; this version reads up to %2): update Terahall to open it</source>
        <translation>此方案由更新版本的 Terahall 写入（格式版本 %1；当前版本最高可读 %2）：请升级 Terahall 后再打开</translation>
    </message>
    <message>
        <source>a plan needs at least one hall</source>
        <translation>方案至少需要一个机房</translation>
    </message>
    <message>
        <source>cannot open %1: %2</source>
        <translation>无法打开 %1：%2</translation>
    </message>
    <message>
        <source>%1 is larger than 512 MiB: not a plan</source>
        <translation>%1 大于 512 MiB：不是方案文件</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>%1 (missing from the catalog)</source>
        <translation>%1（目录中不存在）</translation>
    </message>
    <message>
        <source>%1 · %2 × %3 m</source>
        <translation>%1 · %2 × %3 m</translation>
    </message>
    <message>
        <source>Hall</source>
        <translation>机房</translation>
    </message>
    <message>
        <source>Yard (outdoor plant)</source>
        <translation>室外场地（室外设备）</translation>
    </message>
    <message>
        <source>Door</source>
        <translation>门</translation>
    </message>
    <message>
        <source>Hot aisle</source>
        <translation>热通道</translation>
    </message>
    <message>
        <source>Cold aisle</source>
        <translation>冷通道</translation>
    </message>
</context>
<context>
    <name>Report</name>
    <message>
        <source>Compute rack / system</source>
        <translation>计算机柜 / 系统</translation>
    </message>
    <message>
        <source>Network rack</source>
        <translation>网络机柜</translation>
    </message>
    <message>
        <source>Storage rack</source>
        <translation>存储机柜</translation>
    </message>
    <message>
        <source>Power (transformer, UPS, PDU)</source>
        <translation>供电（变压器、UPS、PDU）</translation>
    </message>
    <message>
        <source>Cooling (CRAH, CDU, plant)</source>
        <translation>制冷（CRAH、CDU、冷站）</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>Not in catalog</source>
        <translation>目录中不存在</translation>
    </message>
    <message>
        <source>Terahall capacity report</source>
        <translation>Terahall 容量规划报告</translation>
    </message>
    <message>
        <source>(not in the catalog)</source>
        <translation>（目录中不存在）</translation>
    </message>
    <message>
        <source>Peak precision of the KPIs</source>
        <translation>KPI 的峰值算力精度</translation>
    </message>
    <message>
        <source>Electricity price</source>
        <translation>电价</translation>
    </message>
    <message>
        <source>Grid emission factor</source>
        <translation>电网排放因子</translation>
    </message>
    <message>
        <source>of the site</source>
        <translation>站点数值</translation>
    </message>
    <message>
        <source>Maintenance</source>
        <translation>运维</translation>
    </message>
    <message>
        <source> % of CapEx per year</source>
        <translation> % 资本支出/年</translation>
    </message>
    <message>
        <source>CapEx amortisation</source>
        <translation>资本支出折旧</translation>
    </message>
    <message>
        <source> years, straight line</source>
        <translation> 年，直线法</translation>
    </message>
    <message>
        <source>Empty rack weight</source>
        <translation>空机柜重量</translation>
    </message>
    <message>
        <source>added to server racks</source>
        <translation>计入服务器机柜</translation>
    </message>
    <message>
        <source>Climate site</source>
        <translation>气候站点</translation>
    </message>
    <message>
        <source>climate data confidence: %1</source>
        <translation>气候数据可信度：%1</translation>
    </message>
    <message>
        <source>Continuous load derating</source>
        <translation>持续负载降额</translation>
    </message>
    <message>
        <source>Power redundancy target</source>
        <translation>供电冗余目标</translation>
    </message>
    <message>
        <source>Cooling redundancy target</source>
        <translation>制冷冗余目标</translation>
    </message>
    <message>
        <source>Fan and pump affinity exponent</source>
        <translation>风机与水泵相似律指数</translation>
    </message>
    <message>
        <source>Lighting</source>
        <translation>照明</translation>
    </message>
    <message>
        <source>Other facility loads</source>
        <translation>其他设施负载</translation>
    </message>
    <message>
        <source> % of IT</source>
        <translation> % IT 负载</translation>
    </message>
    <message>
        <source>Minimum UPS ride-through</source>
        <translation>UPS 最短后备时间</translation>
    </message>
    <message>
        <source> min</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <source>Stand-in plant COP</source>
        <translation>假定冷站 COP</translation>
    </message>
    <message>
        <source>used when no chiller plant is placed</source>
        <translation>未放置冷水机组系统时采用</translation>
    </message>
    <message>
        <source>Workload model</source>
        <translation>工作负载模型</translation>
    </message>
    <message>
        <source>Training tokens</source>
        <translation>训练 token 数</translation>
    </message>
    <message>
        <source> billion</source>
        <translation> 十亿</translation>
    </message>
    <message>
        <source>Training precision</source>
        <translation>训练精度</translation>
    </message>
    <message>
        <source>MFU</source>
        <translation>MFU</translation>
    </message>
    <message>
        <source>estimated by the performance model</source>
        <translation>由性能模型估算</translation>
    </message>
    <message>
        <source>Global batch</source>
        <translation>全局批大小</translation>
    </message>
    <message>
        <source> million tokens</source>
        <translation> 百万 token</translation>
    </message>
    <message>
        <source>Chip-hour price</source>
        <translation>卡时价格</translation>
    </message>
    <message>
        <source>Chip price</source>
        <translation>芯片价格</translation>
    </message>
    <message>
        <source>amortised over %1 years</source>
        <translation>按 %1 年折旧摊销</translation>
    </message>
    <message>
        <source>Training PUE</source>
        <translation>训练 PUE</translation>
    </message>
    <message>
        <source>the plan&apos;s design PUE</source>
        <translation>方案的设计 PUE</translation>
    </message>
    <message>
        <source>Sensitivity ranges</source>
        <translation>敏感性范围</translation>
    </message>
    <message>
        <source>electricity ±%1 %, MFU ±%2 %, PUE ±%3 %, chip price ±%4 %, utilisation −%5 %</source>
        <translation>电价 ±%1 %，MFU ±%2 %，PUE ±%3 %，芯片价格 ±%4 %，利用率 −%5 %</translation>
    </message>
    <message>
        <source>the vendor comparison needs a plan with a workload that can be estimated</source>
        <translation>厂商比较需要一个附有可估算工作负载的方案</translation>
    </message>
    <message>
        <source>Terahall vendor comparison</source>
        <translation>Terahall 厂商比较</translation>
    </message>
    <message>
        <source>Equaliser</source>
        <translation>对齐条件</translation>
    </message>
    <message>
        <source>Power cap</source>
        <translation>功率上限</translation>
    </message>
</context>
<context>
    <name>ReportRenderer</name>
    <message>
        <source>Page %1 of %2</source>
        <translation>第 %1 页，共 %2 页</translation>
    </message>
    <message>
        <source>Terahall %1</source>
        <translation>Terahall %1</translation>
    </message>
    <message>
        <source>(untitled plan)</source>
        <translation>（未命名方案）</translation>
    </message>
    <message>
        <source>Author: %1</source>
        <translation>作者：%1</translation>
    </message>
    <message>
        <source>(not given)</source>
        <translation>（未提供）</translation>
    </message>
    <message>
        <source>Date: %1</source>
        <translation>日期：%1</translation>
    </message>
    <message>
        <source>Terahall version %1</source>
        <translation>Terahall 版本 %1</translation>
    </message>
    <message>
        <source>Site: %1</source>
        <translation>站点：%1</translation>
    </message>
    <message>
        <source>Figures come from the Terahall catalog (each with its source and confidence, listed at the end) and from the stated assumptions. Estimates, not measurements.</source>
        <translation>数据来自 Terahall 目录（每项均注明来源和可信度，列于文末）及所述假设条件。均为估算值，而非实测值。</translation>
    </message>
    <message>
        <source>Executive summary</source>
        <translation>执行摘要</translation>
    </message>
    <message>
        <source>Figure</source>
        <translation>指标</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>数值</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>The plan has no violations.</source>
        <translation>方案没有违规项。</translation>
    </message>
    <message>
        <source>The plan has %1 violations, %2 of them errors (see Power and cooling).</source>
        <translation>方案有 %1 个违规项，其中 %2 个为错误（见“供电与制冷”）。</translation>
    </message>
    <message>
        <source>The attached workload trains in %1 days on %2 accelerators at an MFU of %3.</source>
        <translation>所附工作负载在 %2 块加速卡上以 MFU %3 训练需要 %1 天。</translation>
    </message>
    <message>
        <source>Workload: %1.</source>
        <translation>工作负载：%1。</translation>
    </message>
    <message>
        <source>%1 items have no catalog price and are not in the CapEx.</source>
        <translation>%1 台设备在目录中没有价格，未计入资本支出。</translation>
    </message>
    <message>
        <source>N</source>
        <translation>北</translation>
    </message>
    <message>
        <source>%1 m</source>
        <translation>%1 m</translation>
    </message>
    <message>
        <source>Floor plan: %1 (%2 m × %3 m, %4 m² hall)</source>
        <translation>平面布置：%1（%2 m × %3 m，机房 %4 m²）</translation>
    </message>
    <message>
        <source>hall %1</source>
        <translation>机房 %1</translation>
    </message>
    <message>
        <source>(part %1 of %2)</source>
        <translation>（第 %1 部分，共 %2 部分）</translation>
    </message>
    <message>
        <source>Hot aisle</source>
        <translation>热通道</translation>
    </message>
    <message>
        <source>Cold aisle</source>
        <translation>冷通道</translation>
    </message>
    <message>
        <source>Door</source>
        <translation>门</translation>
    </message>
    <message>
        <source>Wall or column</source>
        <translation>墙体或柱子</translation>
    </message>
    <message>
        <source>Yard (outdoor)</source>
        <translation>室外场地</translation>
    </message>
    <message>
        <source>Scale 1:%1 at the printed size; north is up.</source>
        <translation>按打印尺寸比例 1:%1；上北下南。</translation>
    </message>
    <message>
        <source>Bill of materials</source>
        <translation>物料清单</translation>
    </message>
    <message>
        <source>no price</source>
        <translation>无价格</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <source>Catalog id</source>
        <translation>目录 ID</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Count</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>Unit price (USD)</source>
        <translation>单价（美元）</translation>
    </message>
    <message>
        <source>Total (USD)</source>
        <translation>合计（美元）</translation>
    </message>
    <message>
        <source>Confidence</source>
        <translation>可信度</translation>
    </message>
    <message>
        <source>Counts are servers for systems sold per server and items otherwise. Prices are list or street prices from the catalog (IT equipment and facility units; not the building).</source>
        <translation>按服务器销售的系统按服务器台数计数，其他按设备台数计数。价格为目录中的目录价或市场价（IT 设备和设施设备；不含建筑）。</translation>
    </message>
    <message>
        <source>%1 placed items have no price and are not in the total.</source>
        <translation>%1 台已放置设备没有价格，未计入合计。</translation>
    </message>
    <message>
        <source>Power and cooling</source>
        <translation>供电与制冷</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <source>IT power</source>
        <translation>IT 功率</translation>
    </message>
    <message>
        <source>Facility power</source>
        <translation>设施总功率</translation>
    </message>
    <message>
        <source>PUE (design / annual)</source>
        <translation>PUE（设计 / 年均）</translation>
    </message>
    <message>
        <source>Power capacity placed</source>
        <translation>已放置的供电容量</translation>
    </message>
    <message>
        <source> % used)</source>
        <translation> % 已用)</translation>
    </message>
    <message>
        <source>Cooling capacity placed</source>
        <translation>已放置的制冷容量</translation>
    </message>
    <message>
        <source>Power N-1 / cooling N-1</source>
        <translation>供电 N-1 / 制冷 N-1</translation>
    </message>
    <message>
        <source>Site</source>
        <translation>站点</translation>
    </message>
    <message>
        <source>climate confidence %1</source>
        <translation>气候数据可信度 %1</translation>
    </message>
    <message>
        <source>Deliverable power (derated)</source>
        <translation>可供功率（降额后）</translation>
    </message>
    <message>
        <source>Power shortfall</source>
        <translation>供电缺口</translation>
    </message>
    <message>
        <source>Power redundancy achieved</source>
        <translation>实际供电冗余</translation>
    </message>
    <message>
        <source>meets target</source>
        <translation>满足目标</translation>
    </message>
    <message>
        <source>below target</source>
        <translation>低于目标</translation>
    </message>
    <message>
        <source>N-1 cases checked / failing</source>
        <translation>已检查 / 未通过的 N-1 工况</translation>
    </message>
    <message>
        <source>Heat to air / to liquid</source>
        <translation>散热至空气 / 至液体</translation>
    </message>
    <message>
        <source>Chiller plant</source>
        <translation>冷水机组系统</translation>
    </message>
    <message>
        <source>stand-in (none placed)</source>
        <translation>假定（未放置）</translation>
    </message>
    <message>
        <source>as placed</source>
        <translation>按已放置</translation>
    </message>
    <message>
        <source>WUE</source>
        <translation>WUE</translation>
    </message>
    <message>
        <source>Facility energy / CO2 per year</source>
        <translation>每年设施能耗 / CO2</translation>
    </message>
    <message>
        <source>PUE limit %1: %2</source>
        <translation>PUE 限值 %1：%2</translation>
    </message>
    <message>
        <source>for reference</source>
        <translation>仅供参考</translation>
    </message>
    <message>
        <source>pass</source>
        <translation>通过</translation>
    </message>
    <message>
        <source>fail</source>
        <translation>未通过</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>PUE breakdown at the design condition</source>
        <translation>设计工况下的 PUE 分解</translation>
    </message>
    <message>
        <source>IT</source>
        <translation>IT</translation>
    </message>
    <message>
        <source>Chillers</source>
        <translation>冷水机组</translation>
    </message>
    <message>
        <source>Heat rejection fans</source>
        <translation>散热风机</translation>
    </message>
    <message>
        <source>Pumps</source>
        <translation>水泵</translation>
    </message>
    <message>
        <source>Terminal units (CRAH, CDU)</source>
        <translation>末端空调（CRAH、CDU）</translation>
    </message>
    <message>
        <source>Transformer losses</source>
        <translation>变压器损耗</translation>
    </message>
    <message>
        <source>UPS losses</source>
        <translation>UPS 损耗</translation>
    </message>
    <message>
        <source>Distribution losses</source>
        <translation>配电损耗</translation>
    </message>
    <message>
        <source>Lighting and other</source>
        <translation>照明及其他</translation>
    </message>
    <message>
        <source>Total (PUE %1)</source>
        <translation>合计（PUE %1）</translation>
    </message>
    <message>
        <source>Component</source>
        <translation>组成部分</translation>
    </message>
    <message>
        <source>Power (kW)</source>
        <translation>功率（kW）</translation>
    </message>
    <message>
        <source>Share (%)</source>
        <translation>占比（%）</translation>
    </message>
    <message>
        <source>overloaded</source>
        <translation>过载</translation>
    </message>
    <message>
        <source>Power and cooling units</source>
        <translation>供电与制冷设备</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Capacity (kW)</source>
        <translation>容量（kW）</translation>
    </message>
    <message>
        <source>Load (kW)</source>
        <translation>负载（kW）</translation>
    </message>
    <message>
        <source>Utilisation (%)</source>
        <translation>利用率（%）</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Violations</source>
        <translation>违规项</translation>
    </message>
    <message>
        <source>None.</source>
        <translation>无。</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>严重程度</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>… and %1 more (terahall evaluate lists them all).</source>
        <translation>… 另有 %1 项（terahall evaluate 可列出全部）。</translation>
    </message>
    <message>
        <source>Training estimate</source>
        <translation>训练估算</translation>
    </message>
    <message>
        <source>Not estimated: %1</source>
        <translation>未估算：%1</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>Tokens</source>
        <translation>Token 数</translation>
    </message>
    <message>
        <source> billion</source>
        <translation> 十亿</translation>
    </message>
    <message>
        <source>Accelerators</source>
        <translation>加速卡</translation>
    </message>
    <message>
        <source>Precision</source>
        <translation>精度</translation>
    </message>
    <message>
        <source>Training compute</source>
        <translation>训练计算量</translation>
    </message>
    <message>
        <source>MFU</source>
        <translation>MFU</translation>
    </message>
    <message>
        <source> (estimated by the performance model)</source>
        <translation>（由性能模型估算）</translation>
    </message>
    <message>
        <source> (given)</source>
        <translation>（给定）</translation>
    </message>
    <message>
        <source>Training time</source>
        <translation>训练时长</translation>
    </message>
    <message>
        <source> days</source>
        <translation> 天</translation>
    </message>
    <message>
        <source>Chip-hours</source>
        <translation>卡时</translation>
    </message>
    <message>
        <source>Throughput</source>
        <translation>吞吐量</translation>
    </message>
    <message>
        <source> tokens/s</source>
        <translation> token/s</translation>
    </message>
    <message>
        <source>IT power of the job</source>
        <translation>任务 IT 功率</translation>
    </message>
    <message>
        <source>Energy (IT / facility)</source>
        <translation>能耗（IT / 设施）</translation>
    </message>
    <message>
        <source>CO2</source>
        <translation>碳排放（CO2）</translation>
    </message>
    <message>
        <source>Compute cost</source>
        <translation>计算成本</translation>
    </message>
    <message>
        <source>Energy cost</source>
        <translation>电费</translation>
    </message>
    <message>
        <source>Cost per run</source>
        <translation>单次训练成本</translation>
    </message>
    <message>
        <source>Memory per chip</source>
        <translation>每卡显存</translation>
    </message>
    <message>
        <source>%1 of %2 GiB (%3)</source>
        <translation>%1 / %2 GiB（%3）</translation>
    </message>
    <message>
        <source>fits</source>
        <translation>放得下</translation>
    </message>
    <message>
        <source>does not fit</source>
        <translation>放不下</translation>
    </message>
    <message>
        <source>Parallel layout</source>
        <translation>并行方案</translation>
    </message>
    <message>
        <source>Binding wall</source>
        <translation>瓶颈所在</translation>
    </message>
    <message>
        <source>Step time breakdown</source>
        <translation>单步时间分解</translation>
    </message>
    <message>
        <source>Compute</source>
        <translation>计算</translation>
    </message>
    <message>
        <source>Memory-bound kernels</source>
        <translation>访存密集型算子</translation>
    </message>
    <message>
        <source>Tensor-parallel communication</source>
        <translation>张量并行通信</translation>
    </message>
    <message>
        <source>Pipeline communication</source>
        <translation>流水线并行通信</translation>
    </message>
    <message>
        <source>Pipeline bubble</source>
        <translation>流水线气泡</translation>
    </message>
    <message>
        <source>Data-parallel communication (exposed)</source>
        <translation>数据并行通信（未掩盖）</translation>
    </message>
    <message>
        <source>Expert-parallel communication</source>
        <translation>专家并行通信</translation>
    </message>
    <message>
        <source>Context-parallel communication</source>
        <translation>上下文并行通信</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>Step time</source>
        <translation>单步时间</translation>
    </message>
    <message>
        <source>Part</source>
        <translation>组成部分</translation>
    </message>
    <message>
        <source>Seconds</source>
        <translation>秒</translation>
    </message>
    <message>
        <source>Sensitivity</source>
        <translation>敏感性分析</translation>
    </message>
    <message>
        <source>Input</source>
        <translation>输入</translation>
    </message>
    <message>
        <source>Low – high</source>
        <translation>低 – 高</translation>
    </message>
    <message>
        <source>Cost per run (M USD)</source>
        <translation>单次训练成本（百万美元）</translation>
    </message>
    <message>
        <source>Days</source>
        <translation>天数</translation>
    </message>
    <message>
        <source>Vendor comparison</source>
        <translation>厂商比较</translation>
    </message>
    <message>
        <source>%1 on %2 billion tokens; every candidate with %3 (equaliser: %4 = %5).</source>
        <translation>%1，训练 %2 十亿 token；每个候选方案均%3（对齐条件：%4 = %5）。</translation>
    </message>
    <message>
        <source>the same workload</source>
        <translation>运行相同工作负载</translation>
    </message>
    <message>
        <source>Vendor</source>
        <translation>厂商</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>国家/地区</translation>
    </message>
    <message>
        <source>System</source>
        <translation>系统</translation>
    </message>
    <message>
        <source>Chips</source>
        <translation>芯片数</translation>
    </message>
    <message>
        <source>Systems</source>
        <translation>系统数</translation>
    </message>
    <message>
        <source>Racks</source>
        <translation>机柜数</translation>
    </message>
    <message>
        <source>Floor area (m²)</source>
        <translation>占地面积（m²）</translation>
    </message>
    <message>
        <source>IT power (MW)</source>
        <translation>IT 功率（MW）</translation>
    </message>
    <message>
        <source>PUE</source>
        <translation>PUE</translation>
    </message>
    <message>
        <source>Facility power (MW)</source>
        <translation>设施总功率（MW）</translation>
    </message>
    <message>
        <source>Training time (days)</source>
        <translation>训练时长（天）</translation>
    </message>
    <message>
        <source>MFU (estimated)</source>
        <translation>MFU（估算）</translation>
    </message>
    <message>
        <source>Energy (MWh)</source>
        <translation>能耗（MWh）</translation>
    </message>
    <message>
        <source>CO2 (t)</source>
        <translation>碳排放（吨）</translation>
    </message>
    <message>
        <source>CapEx (M USD)</source>
        <translation>资本支出（百万美元）</translation>
    </message>
    <message>
        <source>OpEx (M USD/year)</source>
        <translation>运营支出（百万美元/年）</translation>
    </message>
    <message>
        <source>Tokens per USD</source>
        <translation>每美元 token 数</translation>
    </message>
    <message>
        <source>Tokens per kWh</source>
        <translation>每 kWh token 数</translation>
    </message>
    <message>
        <source>PFLOPS per kW</source>
        <translation>每 kW PFLOPS</translation>
    </message>
    <message>
        <source>PFLOPS per m²</source>
        <translation>每 m² PFLOPS</translation>
    </message>
    <message>
        <source>Memory per chip (GiB)</source>
        <translation>每卡显存（GiB）</translation>
    </message>
    <message>
        <source> (does not fit)</source>
        <translation>（放不下）</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Metric</source>
        <translation>指标</translation>
    </message>
    <message>
        <source>Assumptions</source>
        <translation>假设条件</translation>
    </message>
    <message>
        <source>Assumption</source>
        <translation>假设</translation>
    </message>
    <message>
        <source>Catalog sources</source>
        <translation>目录来源</translation>
    </message>
    <message>
        <source>Price: %1</source>
        <translation>价格：%1</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <source>not a file name</source>
        <translation>不是文件名</translation>
    </message>
    <message>
        <source>the directory %1 does not exist</source>
        <translation>目录 %1 不存在</translation>
    </message>
    <message>
        <source>it is a directory</source>
        <translation>这是一个文件夹</translation>
    </message>
    <message>
        <source>rendering failed</source>
        <translation>渲染失败</translation>
    </message>
    <message>
        <source>Thermal map (indicative, not CFD)</source>
        <translation>温度场（示意性，非 CFD）</translation>
    </message>
    <message>
        <source>A 2-D airflow and heat model of each hall: rack exhaust heat as sources, cooling units as sinks, solved on the floor grid. Not CFD and not calibrated against measurements; read it for where heat collects, not for exact temperatures. Rack inlet limits: 27 °C (ASHRAE recommended) and 32 °C (A1 allowable). RCI_HI (Herrlin 2005): 100 % when no inlet exceeds 27 °C.</source>
        <translation>各机房的二维气流与热模型：机柜排风热量为热源，制冷单元为热汇，在地板网格上求解。非 CFD，也未用实测数据校准；用于判断热量聚集的位置，而非精确温度。机柜进风限值：27 °C（ASHRAE 推荐）与 32 °C（A1 允许）。RCI_HI（Herrlin 2005）：没有进风超过 27 °C 时为 100 %。</translation>
    </message>
    <message>
        <source>Hall</source>
        <translation>机房</translation>
    </message>
    <message>
        <source>Max inlet (°C)</source>
        <translation>最高进风（°C）</translation>
    </message>
    <message>
        <source>Above 27 °C</source>
        <translation>超过 27 °C</translation>
    </message>
    <message>
        <source>Above 32 °C</source>
        <translation>超过 32 °C</translation>
    </message>
    <message>
        <source>RCI_HI (%)</source>
        <translation>RCI_HI（%）</translation>
    </message>
    <message>
        <source>%1 °C</source>
        <translation>%1 °C</translation>
    </message>
</context>
<context>
    <name>Sensitivity</name>
    <message>
        <source>Electricity price</source>
        <translation>电价</translation>
    </message>
    <message>
        <source>MFU</source>
        <translation>MFU</translation>
    </message>
    <message>
        <source>PUE</source>
        <translation>PUE</translation>
    </message>
    <message>
        <source>Chip-hour price</source>
        <translation>卡时价格</translation>
    </message>
    <message>
        <source>Chip price</source>
        <translation>芯片价格</translation>
    </message>
    <message>
        <source>Utilisation</source>
        <translation>利用率</translation>
    </message>
</context>
<context>
    <name>UndoCommands</name>
    <message numerus="yes">
        <source>Add %n Item(s)</source>
        <translation>
            <numerusform>添加 %n 台设备</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Delete %n Item(s)</source>
        <translation>
            <numerusform>删除 %n 台设备</numerusform>
        </translation>
    </message>
    <message>
        <source>Change Label</source>
        <translation>修改标签</translation>
    </message>
    <message>
        <source>Change %1</source>
        <translation>修改 %1</translation>
    </message>
    <message>
        <source>Change Hall</source>
        <translation>修改机房</translation>
    </message>
    <message>
        <source>Add Hall</source>
        <translation>添加机房</translation>
    </message>
    <message>
        <source>Add Structure</source>
        <translation>添加建筑结构</translation>
    </message>
    <message>
        <source>Delete Structure</source>
        <translation>删除建筑结构</translation>
    </message>
    <message>
        <source>Change Structure</source>
        <translation>修改建筑结构</translation>
    </message>
    <message>
        <source>Set Workload</source>
        <translation>设置工作负载</translation>
    </message>
    <message>
        <source>Remove Workload</source>
        <translation>移除工作负载</translation>
    </message>
    <message>
        <source>Change Plan Properties</source>
        <translation>修改方案属性</translation>
    </message>
    <message>
        <source>Rotate</source>
        <translation>旋转</translation>
    </message>
    <message>
        <source>Move 1 Item</source>
        <translation>移动 1 台设备</translation>
    </message>
    <message numerus="yes">
        <source>Rotate %n Item(s)</source>
        <translation>
            <numerusform>旋转 %n 台设备</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Duplicate %n Item(s)</source>
        <translation>
            <numerusform>复制 %n 台设备</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Paste %n Item(s)</source>
        <translation>
            <numerusform>粘贴 %n 台设备</numerusform>
        </translation>
    </message>
    <message>
        <source>Align Left</source>
        <translation>左对齐</translation>
    </message>
    <message>
        <source>Align Top</source>
        <translation>顶端对齐</translation>
    </message>
    <message>
        <source>Distribute Horizontally</source>
        <translation>水平等距分布</translation>
    </message>
    <message numerus="yes">
        <source>Place Array of %n Item(s)</source>
        <translation>
            <numerusform>阵列放置 %n 台设备</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Move %n Item(s)</source>
        <translation>
            <numerusform>移动 %n 台设备</numerusform>
        </translation>
    </message>
    <message>
        <source>Add %1</source>
        <translation>添加%1</translation>
    </message>
    <message>
        <source>Delete Hall %1</source>
        <translation>删除机房 %1</translation>
    </message>
    <message>
        <source>Move Structure</source>
        <translation>移动结构</translation>
    </message>
    <message>
        <source>Clear Feed (Automatic)</source>
        <translation>清除供电连接（自动分配）</translation>
    </message>
    <message>
        <source>Connect Feed A</source>
        <translation>连接 A 路供电</translation>
    </message>
    <message>
        <source>Connect Feed B</source>
        <translation>连接 B 路供电</translation>
    </message>
    <message>
        <source>Assign Feeds Automatically</source>
        <translation>自动分配供电回路</translation>
    </message>
</context>
<context>
    <name>th::ArrayToolDialog</name>
    <message>
        <source>Array of Racks</source>
        <translation>机柜阵列</translation>
    </message>
    <message>
        <source>Alternate hot/cold aisle orientation (every second row turned 180°)</source>
        <translation>冷/热通道交替朝向（每隔一排旋转 180°）</translation>
    </message>
    <message>
        <source>&amp;Item:</source>
        <translation>设备(&amp;I)：</translation>
    </message>
    <message>
        <source>Items per &amp;row:</source>
        <translation>每排数量(&amp;R)：</translation>
    </message>
    <message>
        <source>&amp;Pitch (centre to centre):</source>
        <translation>间距（中心到中心）(&amp;P)：</translation>
    </message>
    <message>
        <source>R&amp;ows:</source>
        <translation>排数(&amp;O)：</translation>
    </message>
    <message>
        <source>Row p&amp;itch:</source>
        <translation>排间距(&amp;I)：</translation>
    </message>
    <message>
        <source>First item &amp;x (west edge):</source>
        <translation>首台设备 x（西侧边缘）(&amp;X)：</translation>
    </message>
    <message>
        <source>First item &amp;y (north edge):</source>
        <translation>首台设备 y（北侧边缘）(&amp;Y)：</translation>
    </message>
</context>
<context>
    <name>th::BreakdownBar</name>
    <message>
        <source>%1 %2 %</source>
        <translation>%1 %2 %</translation>
    </message>
    <message>
        <source>%1: %2 %3 (%4 % of %5 %3)</source>
        <translation>%1：%2 %3（占 %5 %3 的 %4 %）</translation>
    </message>
</context>
<context>
    <name>th::CatalogDock</name>
    <message>
        <source>Chips</source>
        <translation>芯片</translation>
    </message>
    <message>
        <source>Systems</source>
        <translation>系统</translation>
    </message>
    <message>
        <source>Equipment</source>
        <translation>设施设备</translation>
    </message>
    <message>
        <source>Model presets</source>
        <translation>模型预设</translation>
    </message>
    <message>
        <source>Chip calibration</source>
        <translation>芯片校准</translation>
    </message>
    <message>
        <source>vendor datasheet or equivalent primary source</source>
        <translation>厂商数据手册或同等的一手来源</translation>
    </message>
    <message>
        <source>secondary source or derived figure; check before relying on it</source>
        <translation>二手来源或推算数据；使用前请核实</translation>
    </message>
    <message>
        <source>estimate; confirm before relying on it</source>
        <translation>估计值；使用前请确认</translation>
    </message>
    <message>
        <source>Catalog</source>
        <translation>目录</translation>
    </message>
    <message>
        <source>Filter: any column, e.g. nvidia or hbm3e</source>
        <translation>筛选：任意列，例如 nvidia 或 hbm3e</translation>
    </message>
    <message>
        <source>&amp;Show:</source>
        <translation>显示(&amp;S)：</translation>
    </message>
    <message>
        <source>&amp;Add…</source>
        <translation>添加(&amp;A)…</translation>
    </message>
    <message>
        <source>Add a user row of this kind</source>
        <translation>添加此类别的用户行</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>编辑(&amp;E)…</translation>
    </message>
    <message>
        <source>Edit the selected row (a shipped row is overridden by a user row with the same id)</source>
        <translation>编辑所选行（内置行会被 ID 相同的用户行覆盖）</translation>
    </message>
    <message>
        <source>&amp;Duplicate as user row…</source>
        <translation>复制为用户行(&amp;D)…</translation>
    </message>
    <message>
        <source>Start a new user row from the selected row&apos;s values</source>
        <translation>以所选行的数值新建用户行</translation>
    </message>
    <message>
        <source>&amp;Remove user row</source>
        <translation>删除用户行(&amp;R)</translation>
    </message>
    <message>
        <source>Remove the selected user row (shipped rows cannot be removed)</source>
        <translation>删除所选用户行（内置行不能删除）</translation>
    </message>
    <message>
        <source>&amp;Import CSV…</source>
        <translation>导入 CSV(&amp;I)…</translation>
    </message>
    <message>
        <source>Import rows of any kind from a CSV file in the shipped format</source>
        <translation>从内置格式的 CSV 文件导入任意类别的行</translation>
    </message>
    <message>
        <source>E&amp;xport CSV…</source>
        <translation>导出 CSV(&amp;X)…</translation>
    </message>
    <message>
        <source>Export the rows of this kind as CSV</source>
        <translation>将此类别的行导出为 CSV</translation>
    </message>
    <message>
        <source>Select a row to see all its figures, their units, source and confidence.</source>
        <translation>选择一行以查看其全部数据、单位、来源和可信度。</translation>
    </message>
    <message>
        <source>Confidence</source>
        <translation>可信度</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>(none given)</source>
        <translation>（未提供）</translation>
    </message>
    <message>
        <source>This user row &lt;b&gt;overrides the shipped row&lt;/b&gt; with the same id. The column &lt;i&gt;Shipped&lt;/i&gt; shows the shipped values it replaces (changed ones in bold); remove the user row to bring them back.</source>
        <translation>此用户行&lt;b&gt;覆盖了 ID 相同的内置行&lt;/b&gt;。&lt;i&gt;内置&lt;/i&gt;列显示被替换的内置值（有改动的以粗体显示）；删除该用户行即可恢复内置值。</translation>
    </message>
    <message>
        <source>A user row: you added it, and Terahall keeps it when its catalog is updated.</source>
        <translation>用户行：由您添加，Terahall 更新目录时会保留。</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>数值</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Shipped</source>
        <translation>内置</translation>
    </message>
    <message>
        <source>Remove your row %1? The shipped row with the same id comes back.</source>
        <translation>删除您的行 %1？ID 相同的内置行将恢复。</translation>
    </message>
    <message>
        <source>Remove your row %1? This cannot be undone.</source>
        <translation>删除您的行 %1？此操作无法撤销。</translation>
    </message>
    <message>
        <source>Remove user row</source>
        <translation>删除用户行</translation>
    </message>
    <message>
        <source>The row was not removed: %1</source>
        <translation>该行未被删除：%1</translation>
    </message>
    <message>
        <source>Import catalog CSV</source>
        <translation>导入目录 CSV</translation>
    </message>
    <message>
        <source>CSV files (*.csv);;All files (*)</source>
        <translation>CSV 文件 (*.csv);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Import CSV</source>
        <translation>导入 CSV</translation>
    </message>
    <message>
        <source>%1 could not be read: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
    <message numerus="yes">
        <source>Nothing was imported from %1: %n problem(s) found.</source>
        <translation>
            <numerusform>未从 %1 导入任何内容：发现 %n 个问题。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Imported %n row(s) from %1 as user rows.</source>
        <translation>
            <numerusform>已从 %1 导入 %n 行作为用户行。</numerusform>
        </translation>
    </message>
    <message>
        <source>Export %1 as CSV</source>
        <translation>将 %1 导出为 CSV</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <source>Export CSV</source>
        <translation>导出 CSV</translation>
    </message>
</context>
<context>
    <name>th::CatalogRowDialog</name>
    <message>
        <source>chip</source>
        <translation>芯片</translation>
    </message>
    <message>
        <source>system</source>
        <translation>系统</translation>
    </message>
    <message>
        <source>equipment</source>
        <translation>设施设备</translation>
    </message>
    <message>
        <source>model preset</source>
        <translation>模型预设</translation>
    </message>
    <message>
        <source>chip calibration</source>
        <translation>芯片校准</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>文本</translation>
    </message>
    <message>
        <source>One of: %1</source>
        <translation>可选值：%1</translation>
    </message>
    <message>
        <source>Yes (1) or no (0)</source>
        <translation>是 (1) 或否 (0)</translation>
    </message>
    <message>
        <source>A number in %1</source>
        <translation>%1 范围内的数值</translation>
    </message>
    <message>
        <source>A number</source>
        <translation>数值</translation>
    </message>
    <message>
        <source>A whole number in %1</source>
        <translation>%1 范围内的整数</translation>
    </message>
    <message>
        <source>A whole number</source>
        <translation>整数</translation>
    </message>
    <message>
        <source>(unit: %1)</source>
        <translation>（单位：%1）</translation>
    </message>
    <message>
        <source>Required.</source>
        <translation>必填。</translation>
    </message>
    <message>
        <source>Optional.</source>
        <translation>可选。</translation>
    </message>
    <message>
        <source>Add %1</source>
        <translation>添加%1</translation>
    </message>
    <message>
        <source>A new user row. Fields marked * are required; hover over a field to see what it accepts.</source>
        <translation>新的用户行。带 * 的字段为必填；将鼠标悬停在字段上可查看允许的取值。</translation>
    </message>
    <message>
        <source>Edit %1 %2</source>
        <translation>编辑%1 %2</translation>
    </message>
    <message>
        <source>You are editing your user row &lt;b&gt;%1&lt;/b&gt;.</source>
        <translation>您正在编辑自己的用户行 &lt;b&gt;%1&lt;/b&gt;。</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; is shipped with Terahall. Saving creates a &lt;b&gt;user row with the same id&lt;/b&gt; that overrides the shipped one; removing your row later brings the shipped values back.</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; 是 Terahall 内置行。保存后将创建一个&lt;b&gt;ID 相同的用户行&lt;/b&gt;来覆盖内置行；以后删除您的行即可恢复内置值。</translation>
    </message>
    <message>
        <source>Duplicate %1 %2</source>
        <translation>复制%1 %2</translation>
    </message>
    <message>
        <source>A new user row starting from the values of &lt;b&gt;%1&lt;/b&gt;. Give it a new id.</source>
        <translation>以 &lt;b&gt;%1&lt;/b&gt; 的数值为起点的新用户行。请为其指定新的 ID。</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <source>* required</source>
        <translation>* 必填</translation>
    </message>
    <message>
        <source>Nothing was saved. Please correct:</source>
        <translation>未保存任何内容。请更正：</translation>
    </message>
    <message>
        <source>a row with id &apos;%1&apos; already exists; choose another id or edit that row</source>
        <translation>ID 为“%1”的行已存在；请另选 ID 或编辑该行</translation>
    </message>
    <message>
        <source>the row could not be saved</source>
        <translation>无法保存该行</translation>
    </message>
</context>
<context>
    <name>th::CatalogTableModel</name>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <source>shipped</source>
        <translation>内置</translation>
    </message>
    <message>
        <source>user (overrides shipped)</source>
        <translation>用户（覆盖内置）</translation>
    </message>
    <message>
        <source>user</source>
        <translation>用户</translation>
    </message>
    <message>
        <source>A row you added or edited; it is kept when Terahall updates its catalog.</source>
        <translation>您添加或编辑的行；Terahall 更新目录时会保留。</translation>
    </message>
    <message>
        <source>A row shipped with Terahall.</source>
        <translation>Terahall 内置的行。</translation>
    </message>
    <message>
        <source>origin</source>
        <translation>来源类型</translation>
    </message>
    <message>
        <source>Shipped with Terahall, or a user row (shown in italics)</source>
        <translation>Terahall 内置，或用户行（以斜体显示）</translation>
    </message>
    <message>
        <source>required</source>
        <translation>必填</translation>
    </message>
</context>
<context>
    <name>th::ComparisonDock</name>
    <message>
        <source>Chip</source>
        <translation>芯片</translation>
    </message>
    <message>
        <source>Vendor</source>
        <translation>厂商</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>国家/地区</translation>
    </message>
    <message>
        <source>Confidence</source>
        <translation>可信度</translation>
    </message>
    <message>
        <source>System</source>
        <translation>系统</translation>
    </message>
    <message>
        <source>Chips</source>
        <translation>芯片数</translation>
    </message>
    <message>
        <source>Systems</source>
        <translation>系统数</translation>
    </message>
    <message>
        <source>Racks</source>
        <translation>机柜数</translation>
    </message>
    <message>
        <source>Floor (m²)</source>
        <translation>占地（m²）</translation>
    </message>
    <message>
        <source>IT (MW)</source>
        <translation>IT（MW）</translation>
    </message>
    <message>
        <source>PUE</source>
        <translation>PUE</translation>
    </message>
    <message>
        <source>Facility (MW)</source>
        <translation>设施（MW）</translation>
    </message>
    <message>
        <source>Days</source>
        <translation>天数</translation>
    </message>
    <message>
        <source>MFU (est.)</source>
        <translation>MFU（估算）</translation>
    </message>
    <message>
        <source>Energy (MWh)</source>
        <translation>能耗（MWh）</translation>
    </message>
    <message>
        <source>CO2 (t)</source>
        <translation>碳排放（吨）</translation>
    </message>
    <message>
        <source>CapEx (USD)</source>
        <translation>资本支出（美元）</translation>
    </message>
    <message>
        <source>OpEx (USD/yr)</source>
        <translation>运营支出（美元/年）</translation>
    </message>
    <message>
        <source>Cost/run (USD)</source>
        <translation>单次训练成本（美元）</translation>
    </message>
    <message>
        <source>Tokens/USD</source>
        <translation>token/美元</translation>
    </message>
    <message>
        <source>Tokens/kWh</source>
        <translation>token/kWh</translation>
    </message>
    <message>
        <source>PFLOPS/kW</source>
        <translation>PFLOPS/kW</translation>
    </message>
    <message>
        <source>PFLOPS/m²</source>
        <translation>PFLOPS/m²</translation>
    </message>
    <message>
        <source>Memory fit</source>
        <translation>显存能否放下</translation>
    </message>
    <message>
        <source> (no)</source>
        <translation>（否）</translation>
    </message>
    <message>
        <source>Binding wall</source>
        <translation>瓶颈所在</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Vendor Comparison</source>
        <translation>厂商比较</translation>
    </message>
    <message>
        <source>Workload</source>
        <translation>工作负载</translation>
    </message>
    <message>
        <source>Model:</source>
        <translation>模型：</translation>
    </message>
    <message>
        <source> B tokens</source>
        <translation> 十亿 token</translation>
    </message>
    <message>
        <source>Tokens:</source>
        <translation>Token 数：</translation>
    </message>
    <message>
        <source> M tokens</source>
        <translation> 百万 token</translation>
    </message>
    <message>
        <source>Global batch:</source>
        <translation>全局批大小：</translation>
    </message>
    <message>
        <source>Precision:</source>
        <translation>精度：</translation>
    </message>
    <message>
        <source>Estimate</source>
        <translation>估算</translation>
    </message>
    <message>
        <source>MFU:</source>
        <translation>MFU：</translation>
    </message>
    <message>
        <source>Make equal on</source>
        <translation>对齐条件</translation>
    </message>
    <message>
        <source>Same chip count</source>
        <translation>相同芯片数量</translation>
    </message>
    <message>
        <source>Same facility power (MW)</source>
        <translation>相同设施功率（MW）</translation>
    </message>
    <message>
        <source>Same budget (USD)</source>
        <translation>相同预算（美元）</translation>
    </message>
    <message>
        <source>Same deadline (days)</source>
        <translation>相同截止期限（天）</translation>
    </message>
    <message>
        <source>Equaliser:</source>
        <translation>对齐方式：</translation>
    </message>
    <message>
        <source>Value:</source>
        <translation>数值：</translation>
    </message>
    <message>
        <source>no cap</source>
        <translation>无上限</translation>
    </message>
    <message>
        <source> MW</source>
        <translation> MW</translation>
    </message>
    <message>
        <source>Power cap (deadline):</source>
        <translation>功率上限（截止期限）：</translation>
    </message>
    <message>
        <source>Candidates</source>
        <translation>候选芯片</translation>
    </message>
    <message>
        <source>Supports precision</source>
        <translation>支持的精度</translation>
    </message>
    <message>
        <source>Table</source>
        <translation>表格</translation>
    </message>
    <message>
        <source>Bars</source>
        <translation>柱状图</translation>
    </message>
    <message>
        <source>Pareto</source>
        <translation>帕累托图</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>导出 CSV…</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>拷贝</translation>
    </message>
    <message>
        <source>Copy the results as CSV</source>
        <translation>将结果以 CSV 格式拷贝</translation>
    </message>
    <message>
        <source>Save Chart…</source>
        <translation>保存图表…</translation>
    </message>
    <message>
        <source>Save the chart shown as PNG or SVG</source>
        <translation>将当前图表保存为 PNG 或 SVG</translation>
    </message>
    <message>
        <source> chips</source>
        <translation> 块芯片</translation>
    </message>
    <message>
        <source> USD</source>
        <translation> 美元</translation>
    </message>
    <message>
        <source> days</source>
        <translation> 天</translation>
    </message>
    <message>
        <source>All vendors</source>
        <translation>全部厂商</translation>
    </message>
    <message>
        <source>All countries</source>
        <translation>全部国家/地区</translation>
    </message>
    <message>
        <source>Any precision</source>
        <translation>任意精度</translation>
    </message>
    <message>
        <source>Tick the chips to compare.</source>
        <translation>勾选要比较的芯片。</translation>
    </message>
    <message numerus="yes">
        <source>Evaluating %n candidate(s)…</source>
        <translation>
            <numerusform>正在评估 %n 个候选方案…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n candidate(s) compared.</source>
        <translation>
            <numerusform>已比较 %n 个候选方案。</numerusform>
        </translation>
    </message>
    <message>
        <source>Export Comparison</source>
        <translation>导出比较结果</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <source>Save Chart</source>
        <translation>保存图表</translation>
    </message>
    <message>
        <source>PNG image (*.png);;SVG drawing (*.svg)</source>
        <translation>PNG 图像 (*.png);;SVG 图形 (*.svg)</translation>
    </message>
</context>
<context>
    <name>th::ConnectTool</name>
    <message>
        <source>&amp;Connect Power Feeds</source>
        <translation>连接供电(&amp;C)</translation>
    </message>
    <message>
        <source>C&amp;lear Feed (Back to Automatic)</source>
        <translation>清除供电连接（恢复自动分配）(&amp;L)</translation>
    </message>
    <message>
        <source>Ctrl+Shift+F</source>
        <translation>Ctrl+Shift+F</translation>
    </message>
    <message>
        <source>Click a rack or unit, then the unit that feeds it (Shift-click: B feed). Esc ends.</source>
        <translation>先点击机柜或设备，再点击为其供电的设备（Shift+点击：B 路）。按 Esc 结束。</translation>
    </message>
    <message>
        <source>Forget the drawn feeds of the selected items; the analysis assigns them automatically</source>
        <translation>清除所选设备手动连接的供电；由分析自动分配</translation>
    </message>
    <message>
        <source>Connect feeds: click the rack or unit to feed.</source>
        <translation>连接供电：点击要供电的机柜或设备。</translation>
    </message>
    <message>
        <source>A transformer takes the utility supply: pick a UPS, PDU or rack to feed.</source>
        <translation>变压器由市电供电：请选择要供电的 UPS、PDU 或机柜。</translation>
    </message>
    <message>
        <source>%1 is not part of the power chain: pick a UPS, PDU or rack.</source>
        <translation>%1 不属于供电链路：请选择 UPS、PDU 或机柜。</translation>
    </message>
    <message>
        <source>Now click the unit that feeds %1 (Shift-click: its B feed).</source>
        <translation>现在点击为 %1 供电的设备（Shift+点击：其 B 路）。</translation>
    </message>
    <message>
        <source>Cannot connect: %1.</source>
        <translation>无法连接：%1。</translation>
    </message>
    <message>
        <source>%1 feeds %2 (A). Click its B feed, or empty floor to keep A only.</source>
        <translation>%1 为 %2 供电（A 路）。点击其 B 路供电设备，或点击空白处仅保留 A 路。</translation>
    </message>
    <message>
        <source>%1 feeds %2 (A).</source>
        <translation>%1 为 %2 供电（A 路）。</translation>
    </message>
    <message>
        <source>%1 feeds %2 (B).</source>
        <translation>%1 为 %2 供电（B 路）。</translation>
    </message>
    <message>
        <source>The selection has no drawn feeds; its feeds are already automatic.</source>
        <translation>所选设备没有手动连接的供电；其供电已是自动分配。</translation>
    </message>
    <message>
        <source>Feeds cleared: the analysis assigns them automatically.</source>
        <translation>已清除供电连接：由分析自动分配。</translation>
    </message>
    <message>
        <source>&amp;Assign Feeds Automatically</source>
        <translation>自动分配供电回路(&amp;A)</translation>
    </message>
    <message>
        <source>Draw the feeds the analysis assigns (nearest unit with spare capacity, A and B on different UPS systems) for the selection, or the whole plan when nothing is selected</source>
        <translation>将分析自动分配的供电回路（就近选择有余量的设备，A、B 路分属不同 UPS 系统）写入所选设备；未选择时写入整个方案</translation>
    </message>
    <message numerus="yes">
        <source>Nothing to assign: %n item(s) already have drawn feeds.</source>
        <translation>
            <numerusform>无需分配：%n 台设备已有手动连接的供电回路。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Drew the automatic feeds of %n item(s); edit them with Connect Power Feeds.</source>
        <translation>
            <numerusform>已写入 %n 台设备的自动供电回路；可用“连接供电”进行修改。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n item(s) on a paralleled bus stay automatic.</source>
        <translation>
            <numerusform>%n 台由并机母线供电的设备仍保持自动分配。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>th::EditActions</name>
    <message>
        <source>&amp;Rotate 90°</source>
        <translation>旋转 90°(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>删除(&amp;D)</translation>
    </message>
    <message>
        <source>D&amp;uplicate</source>
        <translation>复制(&amp;U)</translation>
    </message>
    <message>
        <source>Ctrl+D</source>
        <translation>Ctrl+D</translation>
    </message>
    <message>
        <source>Cu&amp;t</source>
        <translation>剪切(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>拷贝(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Paste</source>
        <translation>粘贴(&amp;P)</translation>
    </message>
    <message>
        <source>Select &amp;All</source>
        <translation>全选(&amp;A)</translation>
    </message>
    <message>
        <source>Align &amp;Left</source>
        <translation>左对齐(&amp;L)</translation>
    </message>
    <message>
        <source>Align &amp;Top</source>
        <translation>顶端对齐(&amp;T)</translation>
    </message>
    <message>
        <source>Distribute &amp;Horizontally</source>
        <translation>水平等距分布(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Array of Racks…</source>
        <translation>机柜阵列(&amp;A)…</translation>
    </message>
    <message>
        <source>Ctrl+Shift+A</source>
        <translation>Ctrl+Shift+A</translation>
    </message>
    <message>
        <source>the clipboard does not hold Terahall equipment</source>
        <translation>剪贴板中没有 Terahall 设备</translation>
    </message>
    <message>
        <source>the clipboard holds no items</source>
        <translation>剪贴板中没有设备</translation>
    </message>
    <message>
        <source>%1 refused: %2.</source>
        <translation>%1 被拒绝：%2。</translation>
    </message>
    <message>
        <source>%1 refused: there is no free place for the items in %2.</source>
        <translation>%1 被拒绝：%2 中没有可放置这些设备的空位。</translation>
    </message>
    <message numerus="yes">
        <source>Copied %n item(s).</source>
        <translation>
            <numerusform>已拷贝 %n 台设备。</numerusform>
        </translation>
    </message>
    <message>
        <source>Paste refused: %1.</source>
        <translation>粘贴被拒绝：%1。</translation>
    </message>
    <message>
        <source>Array refused: %1 is not in the catalog.</source>
        <translation>阵列被拒绝：%1 不在目录中。</translation>
    </message>
    <message>
        <source>Array refused: it needs at least one item and one row.</source>
        <translation>阵列被拒绝：至少需要一台设备和一排。</translation>
    </message>
    <message>
        <source>Array refused: %1.</source>
        <translation>阵列被拒绝：%1。</translation>
    </message>
    <message>
        <source>Add &amp;Hall</source>
        <translation>添加机房(&amp;H)</translation>
    </message>
    <message>
        <source>Delete Current Hall</source>
        <translation>删除当前机房</translation>
    </message>
    <message>
        <source>Hall %1</source>
        <translation>机房 %1</translation>
    </message>
    <message>
        <source>Added %1 (%2 × %3 m); Plan &gt; Hall Properties edits it.</source>
        <translation>已添加 %1（%2 × %3 m）；可在“方案 &gt; 机房属性”中编辑。</translation>
    </message>
    <message>
        <source>A plan keeps at least one hall; resize it in Plan &gt; Hall Properties instead.</source>
        <translation>方案至少保留一个机房；如需调整，请在“方案 &gt; 机房属性”中修改尺寸。</translation>
    </message>
    <message numerus="yes">
        <source>Deleted %1 and its %n item(s); Undo brings them back.</source>
        <translation>
            <numerusform>已删除 %1 及其上的 %n 台设备；撤销即可恢复。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>th::EstimateDock</name>
    <message>
        <source>A whole number in [%1, %2]</source>
        <translation>[%1, %2] 范围内的整数</translation>
    </message>
    <message>
        <source>A number in [%1, %2]</source>
        <translation>[%1, %2] 范围内的数值</translation>
    </message>
    <message>
        <source>A number in [%1, %2]: 300e9, 3.0e11, 300B and 300,000,000,000 are the same</source>
        <translation>[%1, %2] 范围内的数值：300e9、3.0e11、300B 和 300,000,000,000 均表示同一数值</translation>
    </message>
    <message>
        <source>compute</source>
        <translation>计算</translation>
    </message>
    <message>
        <source>memory bandwidth</source>
        <translation>显存带宽</translation>
    </message>
    <message>
        <source>communication</source>
        <translation>通信</translation>
    </message>
    <message>
        <source>pipeline bubble</source>
        <translation>流水线气泡</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>selective</source>
        <translation>选择性</translation>
    </message>
    <message>
        <source>full</source>
        <translation>完全</translation>
    </message>
    <message>
        <source>Compute</source>
        <translation>计算</translation>
    </message>
    <message>
        <source>Memory-bound</source>
        <translation>访存</translation>
    </message>
    <message>
        <source>TP comm</source>
        <translation>TP 通信</translation>
    </message>
    <message>
        <source>PP comm</source>
        <translation>PP 通信</translation>
    </message>
    <message>
        <source>PP bubble</source>
        <translation>PP 气泡</translation>
    </message>
    <message>
        <source>DP exposed</source>
        <translation>DP 未掩盖</translation>
    </message>
    <message>
        <source>EP all-to-all</source>
        <translation>EP 全对全</translation>
    </message>
    <message>
        <source>CP ring</source>
        <translation>CP 环形</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>Training estimate</source>
        <translation>训练估算</translation>
    </message>
    <message>
        <source>Parallelism (for the memory fit)</source>
        <translation>并行方式（用于显存估算）</translation>
    </message>
    <message>
        <source>required, e.g. 4M</source>
        <translation>必填，例如 4M</translation>
    </message>
    <message>
        <source>optional, e.g. 4M</source>
        <translation>可选，例如 4M</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>A model preset from the catalog, or Custom… to enter a dense model&apos;s shape</source>
        <translation>目录中的模型预设，或选择“自定义…”输入稠密模型的结构</translation>
    </message>
    <message>
        <source>&amp;Preset:</source>
        <translation>预设(&amp;P)：</translation>
    </message>
    <message>
        <source>Pa&amp;rameters:</source>
        <translation>参数量(&amp;R)：</translation>
    </message>
    <message>
        <source>&amp;Layers:</source>
        <translation>层数(&amp;L)：</translation>
    </message>
    <message>
        <source>&amp;Hidden size:</source>
        <translation>隐藏层维度(&amp;H)：</translation>
    </message>
    <message>
        <source>Attention h&amp;eads:</source>
        <translation>注意力头数(&amp;E)：</translation>
    </message>
    <message>
        <source>Se&amp;quence length (tokens):</source>
        <translation>序列长度（token）(&amp;Q)：</translation>
    </message>
    <message>
        <source>&amp;Vocabulary (tokens):</source>
        <translation>词表大小（token）(&amp;V)：</translation>
    </message>
    <message>
        <source>Training run</source>
        <translation>训练任务</translation>
    </message>
    <message>
        <source>Only the precisions this chip has a dense peak for</source>
        <translation>仅列出该芯片有稠密峰值的精度</translation>
    </message>
    <message>
        <source>Model FLOPs utilisation: achieved 6N FLOP per token × tokens/s ÷ dense peak. Well-tuned dense training runs reach 0.35–0.55.</source>
        <translation>算力利用率（MFU）：实际达到的每 token 6N FLOP × token/s ÷ 稠密峰值算力。调优良好的稠密模型训练可达 0.35–0.55。</translation>
    </message>
    <message>
        <source>&amp;Tokens:</source>
        <translation>Token 数(&amp;T)：</translation>
    </message>
    <message>
        <source>&amp;Global batch (tokens):</source>
        <translation>全局批大小（token）(&amp;G)：</translation>
    </message>
    <message>
        <source>&amp;Chip:</source>
        <translation>芯片(&amp;C)：</translation>
    </message>
    <message>
        <source>Chip co&amp;unt:</source>
        <translation>芯片数量(&amp;U)：</translation>
    </message>
    <message>
        <source>Preci&amp;sion:</source>
        <translation>精度(&amp;S)：</translation>
    </message>
    <message>
        <source>Typed</source>
        <translation>手动输入</translation>
    </message>
    <message>
        <source>Estimate (performance model)</source>
        <translation>估算（性能模型）</translation>
    </message>
    <message>
        <source>Typed: the MFU below. Estimate: the performance model times a training step for the best parallel layout (needs the global batch and the model&apos;s shape).</source>
        <translation>手动输入：使用下方的 MFU。估算：性能模型为最佳并行方案计算一个训练步的时间（需要全局批大小和模型结构）。</translation>
    </message>
    <message>
        <source>MFU so&amp;urce:</source>
        <translation>MFU 来源(&amp;U)：</translation>
    </message>
    <message>
        <source>&amp;MFU (0.01–1.00):</source>
        <translation>MFU（0.01–1.00）(&amp;M)：</translation>
    </message>
    <message>
        <source>Tensor parallel degree, normally within the chip&apos;s scale-up domain</source>
        <translation>张量并行度，通常不超过芯片的纵向扩展（Scale-up）域</translation>
    </message>
    <message>
        <source>Pipeline stages</source>
        <translation>流水线阶段数</translation>
    </message>
    <message>
        <source>0: none</source>
        <translation>0：无</translation>
    </message>
    <message>
        <source>1: optimizer</source>
        <translation>1：优化器</translation>
    </message>
    <message>
        <source>2: + gradients</source>
        <translation>2：+ 梯度</translation>
    </message>
    <message>
        <source>3: + weights</source>
        <translation>3：+ 权重</translation>
    </message>
    <message>
        <source>ZeRO stage: what is sharded over the data-parallel ranks</source>
        <translation>ZeRO 阶段：在数据并行各副本间分片的内容</translation>
    </message>
    <message>
        <source>Data parallel degree: chip count ÷ (TP × PP)</source>
        <translation>数据并行度：芯片数量 ÷（TP × PP）</translation>
    </message>
    <message>
        <source>Sequences per micro-batch</source>
        <translation>每个微批次的序列数</translation>
    </message>
    <message>
        <source>Activation recomputation (Korthikanti et al. 2022)</source>
        <translation>激活重计算（Korthikanti 等，2022）</translation>
    </message>
    <message>
        <source>TP:</source>
        <translation>TP：</translation>
    </message>
    <message>
        <source>PP:</source>
        <translation>PP：</translation>
    </message>
    <message>
        <source>DP:</source>
        <translation>DP：</translation>
    </message>
    <message>
        <source>Micro-batch:</source>
        <translation>微批次：</translation>
    </message>
    <message>
        <source>Recompute:</source>
        <translation>重计算：</translation>
    </message>
    <message>
        <source>ZeRO:</source>
        <translation>ZeRO：</translation>
    </message>
    <message>
        <source>Site and cost</source>
        <translation>站点与成本</translation>
    </message>
    <message>
        <source>Power usage effectiveness: facility power ÷ IT power, in [1.00, 5.00]</source>
        <translation>电能利用效率（PUE）：设施总功率 ÷ IT 功率，范围 [1.00, 5.00]</translation>
    </message>
    <message>
        <source>Grid emission factor; 0.5568 kg CO₂/kWh is the China grid figure CAICT uses</source>
        <translation>电网排放因子；0.5568 kg CO₂/kWh 为中国信通院采用的全国电网数值</translation>
    </message>
    <message>
        <source>none: owned chips</source>
        <translation>无：自有芯片</translation>
    </message>
    <message>
        <source>Rental price per chip-hour. At 0 the chips are owned and their catalog price is amortised over the years below.</source>
        <translation>每卡时租用价格。为 0 时芯片为自有，其目录价格按下方年限折旧摊销。</translation>
    </message>
    <message>
        <source>P&amp;UE:</source>
        <translation>P&amp;UE：</translation>
    </message>
    <message>
        <source>Electricity (USD/kWh):</source>
        <translation>电价（美元/kWh）：</translation>
    </message>
    <message>
        <source>Grid factor (kg CO₂/kWh):</source>
        <translation>电网排放因子（kg CO₂/kWh）：</translation>
    </message>
    <message>
        <source>Chip-hour price (USD):</source>
        <translation>卡时价格（美元）：</translation>
    </message>
    <message>
        <source>Amortisation (years):</source>
        <translation>折旧年限（年）：</translation>
    </message>
    <message>
        <source>Estimate</source>
        <translation>估算</translation>
    </message>
    <message>
        <source>Searching layouts: %p %</source>
        <translation>正在搜索并行方案：%p %</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Stop the search; change any input to search again</source>
        <translation>停止搜索；修改任意输入即可重新搜索</translation>
    </message>
    <message>
        <source>Training compute, 6ND (FLOP):</source>
        <translation>训练计算量，6ND（FLOP）：</translation>
    </message>
    <message>
        <source>Training compute (PF-days):</source>
        <translation>训练计算量（PF-天）：</translation>
    </message>
    <message>
        <source>Cluster peak (PFLOPS, dense):</source>
        <translation>集群峰值算力（PFLOPS，稠密）：</translation>
    </message>
    <message>
        <source>Training time (days):</source>
        <translation>训练时长（天）：</translation>
    </message>
    <message>
        <source>Chip-hours:</source>
        <translation>卡时：</translation>
    </message>
    <message>
        <source>Throughput (tokens/s):</source>
        <translation>吞吐量（token/s）：</translation>
    </message>
    <message>
        <source>Step time (s):</source>
        <translation>单步时间（秒）：</translation>
    </message>
    <message>
        <source>MFU / HFU (%):</source>
        <translation>MFU / HFU（%）：</translation>
    </message>
    <message>
        <source>IT power (kW):</source>
        <translation>IT 功率（kW）：</translation>
    </message>
    <message>
        <source>IT energy (MWh):</source>
        <translation>IT 能耗（MWh）：</translation>
    </message>
    <message>
        <source>Facility energy (MWh):</source>
        <translation>设施能耗（MWh）：</translation>
    </message>
    <message>
        <source>CO₂ (t):</source>
        <translation>CO₂（吨）：</translation>
    </message>
    <message>
        <source>Compute cost (USD):</source>
        <translation>计算成本（美元）：</translation>
    </message>
    <message>
        <source>Energy cost (USD):</source>
        <translation>电费（美元）：</translation>
    </message>
    <message>
        <source>Total cost (USD):</source>
        <translation>总成本（美元）：</translation>
    </message>
    <message>
        <source>Memory per chip (GiB):</source>
        <translation>每卡显存（GiB）：</translation>
    </message>
    <message>
        <source>Step time by cause:</source>
        <translation>单步时间构成：</translation>
    </message>
    <message>
        <source>s</source>
        <translation>秒</translation>
    </message>
    <message>
        <source>no estimate</source>
        <translation>无估算结果</translation>
    </message>
    <message>
        <source>Top configurations (fastest first; select one to see its breakdown and memory):</source>
        <translation>最佳配置（最快的在前；选中一项可查看其时间分解和显存）：</translation>
    </message>
    <message>
        <source>TP</source>
        <translation>TP</translation>
    </message>
    <message>
        <source>PP</source>
        <translation>PP</translation>
    </message>
    <message>
        <source>DP</source>
        <translation>DP</translation>
    </message>
    <message>
        <source>CP</source>
        <translation>CP</translation>
    </message>
    <message>
        <source>EP</source>
        <translation>EP</translation>
    </message>
    <message>
        <source>Micro-batch</source>
        <translation>微批次</translation>
    </message>
    <message>
        <source>Interleave</source>
        <translation>交错</translation>
    </message>
    <message>
        <source>Recompute</source>
        <translation>重计算</translation>
    </message>
    <message>
        <source>ZeRO</source>
        <translation>ZeRO</translation>
    </message>
    <message>
        <source>Step (s)</source>
        <translation>单步（秒）</translation>
    </message>
    <message>
        <source>Tokens/s</source>
        <translation>Token/s</translation>
    </message>
    <message>
        <source>MFU (%)</source>
        <translation>MFU（%）</translation>
    </message>
    <message>
        <source>Memory (GiB)</source>
        <translation>显存（GiB）</translation>
    </message>
    <message>
        <source>Binds</source>
        <translation>瓶颈</translation>
    </message>
    <message>
        <source>Tensor parallel degree</source>
        <translation>张量并行度</translation>
    </message>
    <message>
        <source>Data parallel replicas</source>
        <translation>数据并行副本数</translation>
    </message>
    <message>
        <source>Context parallel degree</source>
        <translation>上下文并行度</translation>
    </message>
    <message>
        <source>Expert parallel degree</source>
        <translation>专家并行度</translation>
    </message>
    <message>
        <source>Virtual pipeline stages per chip</source>
        <translation>每卡虚拟流水线阶段数</translation>
    </message>
    <message>
        <source>Activation recomputation</source>
        <translation>激活重计算</translation>
    </message>
    <message>
        <source>ZeRO stage</source>
        <translation>ZeRO 阶段</translation>
    </message>
    <message>
        <source>Seconds per optimizer step</source>
        <translation>每个优化器步的秒数</translation>
    </message>
    <message>
        <source>Trained tokens per second, whole cluster</source>
        <translation>整个集群每秒训练的 token 数</translation>
    </message>
    <message>
        <source>Model FLOPs utilisation (6N per token)</source>
        <translation>算力利用率（MFU，每 token 6N）</translation>
    </message>
    <message>
        <source>Memory per chip, most loaded pipeline stage</source>
        <translation>每卡显存，负载最重的流水线阶段</translation>
    </message>
    <message>
        <source>The binding wall</source>
        <translation>瓶颈所在</translation>
    </message>
    <message>
        <source>%1 B parameters; source: %2</source>
        <translation>%1 B 参数；来源：%2</translation>
    </message>
    <message>
        <source>Custom…</source>
        <translation>自定义…</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>Custom: a dense decoder with MLP width 4 × hidden and multi-head attention. Architecture fields are used for the memory fit.</source>
        <translation>自定义：MLP 宽度为 4 × hidden、采用多头注意力的稠密解码器。架构字段用于显存估算。</translation>
    </message>
    <message>
        <source>Mixture of experts: %1 B active parameters per token (6ND uses them). </source>
        <translation>混合专家模型：每 token 激活 %1 B 参数（6ND 按激活参数计）。</translation>
    </message>
    <message>
        <source>Confidence: %1.</source>
        <translation>可信度：%1。</translation>
    </message>
    <message>
        <source>%1 (%2 %3 dense)</source>
        <translation>%1（%2 %3 稠密）</translation>
    </message>
    <message>
        <source>Model: no preset is selected.</source>
        <translation>模型：未选择预设。</translation>
    </message>
    <message>
        <source>Parameters: enter a number in [%1, %2], e.g. 70e9.</source>
        <translation>参数量：请输入 [%1, %2] 范围内的数值，例如 70e9。</translation>
    </message>
    <message>
        <source>The chip count %1 is not a multiple of TP × PP = %2, so there is no data-parallel layout.</source>
        <translation>芯片数量 %1 不是 TP × PP = %2 的整数倍，因此没有数据并行方案。</translation>
    </message>
    <message>
        <source>Tokens: enter a number in [%1, %2], e.g. 300e9.</source>
        <translation>Token 数：请输入 [%1, %2] 范围内的数值，例如 300e9。</translation>
    </message>
    <message>
        <source>Global batch: enter a number of tokens in [%1, %2], e.g. 4M, or leave it empty.</source>
        <translation>全局批大小：请输入 [%1, %2] 范围内的 token 数，例如 4M，或留空。</translation>
    </message>
    <message>
        <source>Chip: the catalog has no chips.</source>
        <translation>芯片：目录中没有芯片。</translation>
    </message>
    <message>
        <source>%1 GB %2, %3 TB/s, %4 W TDP</source>
        <translation>%1 GB %2，%3 TB/s，TDP %4 W</translation>
    </message>
    <message>
        <source>IT %1 W per chip in %2</source>
        <translation>%2 中每卡 IT 功率 %1 W</translation>
    </message>
    <message>
        <source>no system known: IT power from TDP only</source>
        <translation>无已知系统：IT 功率仅按 TDP 计算</translation>
    </message>
    <message>
        <source>confidence %1</source>
        <translation>可信度 %1</translation>
    </message>
    <message>
        <source>Precision: the chip has no dense peak figure in the catalog.</source>
        <translation>精度：目录中没有该芯片的稠密峰值数据。</translation>
    </message>
    <message>
        <source>Global batch: the performance model needs the tokens per optimizer step, e.g. 4M (or choose Typed MFU).</source>
        <translation>全局批大小：性能模型需要每个优化器步的 token 数，例如 4M（或选择手动输入 MFU）。</translation>
    </message>
    <message>
        <source>Model: the performance model needs the layers, hidden size, attention heads, sequence length and vocabulary, which this preset does not give (or choose Typed MFU).</source>
        <translation>模型：性能模型需要层数、隐藏层维度、注意力头数、序列长度和词表大小，而该预设未提供（或选择手动输入 MFU）。</translation>
    </message>
    <message>
        <source>— (see below)</source>
        <translation>—（见下文）</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>Estimating…</source>
        <translation>正在估算…</translation>
    </message>
    <message>
        <source>The chip has no dense peak at %1.</source>
        <translation>该芯片在 %1 下没有稠密峰值算力。</translation>
    </message>
    <message>
        <source>Every input must be above zero.</source>
        <translation>所有输入都必须大于零。</translation>
    </message>
    <message>
        <source>Not computed: %1</source>
        <translation>未计算：%1</translation>
    </message>
    <message>
        <source>%1 of %2 GiB</source>
        <translation>%1 / %2 GiB</translation>
    </message>
    <message>
        <source>Per chip, most loaded pipeline stage:
weights %1 GiB
gradients %2 GiB
optimizer %3 GiB
activations %4 GiB
runtime reserve %5 GiB
fragmentation margin %6 GiB
total %7 GiB of %8 GiB</source>
        <translation>每卡，负载最重的流水线阶段：
权重 %1 GiB
梯度 %2 GiB
优化器 %3 GiB
激活值 %4 GiB
运行时预留 %5 GiB
碎片余量 %6 GiB
合计 %7 GiB / %8 GiB</translation>
    </message>
    <message>
        <source>Fits: %1 % of the chip&apos;s memory (hover the bar for the breakdown).</source>
        <translation>放得下：占芯片显存的 %1 %（悬停在条形图上可查看分解）。</translation>
    </message>
    <message>
        <source>Does not fit: needs %1 GiB per chip, the chip has %2 GiB. Raise TP or PP, a higher ZeRO stage or recompute.</source>
        <translation>放不下：每卡需要 %1 GiB，芯片只有 %2 GiB。请提高 TP 或 PP、采用更高的 ZeRO 阶段或启用重计算。</translation>
    </message>
    <message>
        <source>Does not fit: needs %1 GiB per chip, the chip has %2 GiB.</source>
        <translation>放不下：每卡需要 %1 GiB，芯片只有 %2 GiB。</translation>
    </message>
    <message>
        <source>6 × %1 active parameters × %2 tokens; a quantity of work, not a rate</source>
        <translation>6 × %1 激活参数 × %2 token；这是计算量，不是速率</translation>
    </message>
    <message>
        <source>1 PF-day = 8.64 × 10¹⁹ FLOP</source>
        <translation>1 PF-天 = 8.64 × 10¹⁹ FLOP</translation>
    </message>
    <message>
        <source>Cluster peak (%1, %2 dense):</source>
        <translation>集群峰值算力（%1，%2 稠密）：</translation>
    </message>
    <message>
        <source>Sustained at MFU %1: %2 %3</source>
        <translation>在 MFU %1 下的持续算力：%2 %3</translation>
    </message>
    <message>
        <source>%1 hours</source>
        <translation>%1 小时</translation>
    </message>
    <message>
        <source>Give a global batch (tokens) to get the step time</source>
        <translation>给出全局批大小（token）即可得到单步时间</translation>
    </message>
    <message>
        <source>%1 / %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>HFU counts the recomputed forward passes too</source>
        <translation>HFU 还计入了重计算的前向传播</translation>
    </message>
    <message>
        <source>Facility energy (MWh, PUE %1):</source>
        <translation>设施能耗（MWh，PUE %1）：</translation>
    </message>
    <message>
        <source>Facility energy × %1 kg CO₂/kWh</source>
        <translation>设施能耗 × %1 kg CO₂/kWh</translation>
    </message>
    <message>
        <source>Rented at %1 USD per chip-hour</source>
        <translation>按每卡时 %1 美元租用</translation>
    </message>
    <message>
        <source>Owned: chip price %1 USD amortised over %2 years</source>
        <translation>自有：芯片价格 %1 美元，按 %2 年折旧摊销</translation>
    </message>
    <message>
        <source>No chip-hour price and no chip price in the catalog</source>
        <translation>目录中既无卡时价格也无芯片价格</translation>
    </message>
    <message>
        <source>Facility energy × %1 USD/kWh</source>
        <translation>设施能耗 × %1 美元/kWh</translation>
    </message>
    <message>
        <source>not computed</source>
        <translation>未计算</translation>
    </message>
    <message>
        <source>Not computed: turn on Parallelism to check the fit.</source>
        <translation>未计算：打开“并行方式”以检查显存能否放下。</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Training estimate panel</source>
        <translation>训练估算面板</translation>
    </message>
    <message>
        <source>Search cancelled. Change any input to estimate again.</source>
        <translation>搜索已取消。修改任意输入即可重新估算。</translation>
    </message>
    <message>
        <source>Searched %1 layouts: %2 evaluated, %3 feasible, %4 pruned by the lower bound, %5 rejected.</source>
        <translation>共搜索 %1 种并行方案：已评估 %2，可行 %3，被下界剪枝 %4，被排除 %5。</translation>
    </message>
    <message>
        <source>%1 × %2</source>
        <translation>%1 × %2</translation>
    </message>
    <message>
        <source>Timings are calibrated on published runs of this chip.</source>
        <translation>时间已按该芯片已公开的训练记录校准。</translation>
    </message>
    <message>
        <source>This chip has no published runs to calibrate on: class defaults, lower confidence.</source>
        <translation>该芯片没有可用于校准的已公开训练记录：采用类别默认值，可信度较低。</translation>
    </message>
    <message>
        <source>No feasible layout: %1</source>
        <translation>没有可行的并行方案：%1</translation>
    </message>
    <message>
        <source>Use more chips, a chip with more memory, or unpin the parallelism.</source>
        <translation>请使用更多芯片、显存更大的芯片，或取消固定并行方式。</translation>
    </message>
    <message>
        <source>This chip&apos;s scale-up domain is %1.</source>
        <translation>该芯片的纵向扩展（Scale-up）域为 %1。</translation>
    </message>
    <message>
        <source>The batch is %1 sequences of %2 tokens; %3 tokens (a power-of-two count of sequences) divides evenly.</source>
        <translation>该批次为 %1 个序列，每个 %2 token；%3 token（序列数为 2 的幂）可以整除。</translation>
    </message>
    <message>
        <source>The estimate is impossible with these inputs (precision not supported or a non-positive value).</source>
        <translation>在这些输入下无法估算（不支持该精度或存在非正值）。</translation>
    </message>
    <message>
        <source>Every parallelism field is pinned: this layout was timed, not searched. Turn Parallelism off to search.</source>
        <translation>所有并行字段均已固定：此方案只计时、不搜索。关闭“并行方式”即可搜索。</translation>
    </message>
    <message>
        <source>Step time by cause, configuration %1 (%2 s per step, MFU %3 %):</source>
        <translation>单步时间构成，配置 %1（每步 %2 秒，MFU %3 %）：</translation>
    </message>
    <message>
        <source>Memory per chip (GiB), configuration %1:</source>
        <translation>每卡显存（GiB），配置 %1：</translation>
    </message>
    <message>
        <source>Parallelism (pinned; off: search all)</source>
        <translation>并行方式（固定；关闭则搜索全部）</translation>
    </message>
</context>
<context>
    <name>th::FacilityOverlay</name>
    <message>
        <source>&amp;Power Chain Connections</source>
        <translation>供电链路连接(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Utilisation per Unit</source>
        <translation>各设备负载率(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Floor Load (kg/m²)</source>
        <translation>楼板荷载（kg/m²）(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Thermal Map (indicative)</source>
        <translation>温度场（示意）(&amp;T)</translation>
    </message>
    <message>
        <source>Indicative steady-state air temperatures (not CFD); solved in the background after each change</source>
        <translation>示意性的稳态空气温度（非 CFD）；每次修改后在后台求解</translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <source>Power chain</source>
        <translation>供电链路</translation>
    </message>
    <message>
        <source>A feed</source>
        <translation>A 路供电</translation>
    </message>
    <message>
        <source>B feed</source>
        <translation>B 路供电</translation>
    </message>
    <message>
        <source>Transformer → UPS → PDU</source>
        <translation>变压器 → UPS → PDU</translation>
    </message>
    <message>
        <source>Drawn with the connection tool</source>
        <translation>用连接工具手动连接</translation>
    </message>
    <message>
        <source>Assigned automatically</source>
        <translation>自动分配</translation>
    </message>
    <message>
        <source>Utilisation (power: % of the %1 % derated rating)</source>
        <translation>负载率（供电设备：占 %1 % 降额容量的百分比）</translation>
    </message>
    <message>
        <source>0 %</source>
        <translation>0 %</translation>
    </message>
    <message>
        <source>50 %</source>
        <translation>50 %</translation>
    </message>
    <message>
        <source>100 %</source>
        <translation>100 %</translation>
    </message>
    <message>
        <source>over 100 %: overloaded</source>
        <translation>超过 100 %：过载</translation>
    </message>
    <message>
        <source>%1 kg/m² (%2 % of rating)</source>
        <translation>%1 kg/m²（额定值的 %2 %）</translation>
    </message>
    <message>
        <source>%1 % of the hall rating</source>
        <translation>机房额定荷载的 %1 %</translation>
    </message>
    <message>
        <source>Floor load per tile</source>
        <translation>每块地板的荷载</translation>
    </message>
    <message>
        <source>above the hall rating</source>
        <translation>超过机房额定荷载</translation>
    </message>
    <message>
        <source>Thermal map, indicative (°C)</source>
        <translation>温度场，示意（°C）</translation>
    </message>
    <message>
        <source>Thermal map, indicative (°C): updating…</source>
        <translation>温度场，示意（°C）：正在更新…</translation>
    </message>
    <message>
        <source>22 °C supply air</source>
        <translation>22 °C 送风</translation>
    </message>
    <message>
        <source>27 °C ASHRAE recommended max</source>
        <translation>27 °C ASHRAE 推荐上限</translation>
    </message>
    <message>
        <source>32 °C ASHRAE A1 allowable max</source>
        <translation>32 °C ASHRAE A1 允许上限</translation>
    </message>
    <message>
        <source>40 °C and above</source>
        <translation>40 °C 及以上</translation>
    </message>
    <message>
        <source>Rack inlet above 27 °C</source>
        <translation>机柜进风温度高于 27 °C</translation>
    </message>
    <message>
        <source>Rack inlet above 32 °C</source>
        <translation>机柜进风温度高于 32 °C</translation>
    </message>
</context>
<context>
    <name>th::FloorPlanScene</name>
    <message>
        <source>Equipment type</source>
        <translation>设备类型</translation>
    </message>
    <message>
        <source>IT power per rack</source>
        <translation>单机柜 IT 功率</translation>
    </message>
    <message>
        <source>Floor load</source>
        <translation>楼板荷载</translation>
    </message>
    <message>
        <source>Cooling</source>
        <translation>制冷</translation>
    </message>
    <message>
        <source>Compute system</source>
        <translation>计算系统</translation>
    </message>
    <message>
        <source>Network / storage rack</source>
        <translation>网络 / 存储机柜</translation>
    </message>
    <message>
        <source>Power</source>
        <translation>供电</translation>
    </message>
    <message>
        <source>Missing from catalog</source>
        <translation>目录中不存在</translation>
    </message>
    <message>
        <source>0 kW</source>
        <translation>0 kW</translation>
    </message>
    <message>
        <source>35 kW</source>
        <translation>35 kW</translation>
    </message>
    <message>
        <source>70 kW</source>
        <translation>70 kW</translation>
    </message>
    <message>
        <source>105 kW</source>
        <translation>105 kW</translation>
    </message>
    <message>
        <source>≥ 140 kW</source>
        <translation>≥ 140 kW</translation>
    </message>
    <message>
        <source>No IT load</source>
        <translation>无 IT 负载</translation>
    </message>
    <message>
        <source>0 kg/m²</source>
        <translation>0 kg/m²</translation>
    </message>
    <message>
        <source>600 kg/m²</source>
        <translation>600 kg/m²</translation>
    </message>
    <message>
        <source>1,200 kg/m²</source>
        <translation>1,200 kg/m²</translation>
    </message>
    <message>
        <source>≥ 2,000 kg/m²</source>
        <translation>≥ 2,000 kg/m²</translation>
    </message>
    <message>
        <source>Air</source>
        <translation>风冷</translation>
    </message>
    <message>
        <source>Hybrid</source>
        <translation>风液混合</translation>
    </message>
    <message>
        <source>Liquid</source>
        <translation>液冷</translation>
    </message>
    <message>
        <source>Immersion</source>
        <translation>浸没式液冷</translation>
    </message>
    <message>
        <source>Facility equipment</source>
        <translation>设施设备</translation>
    </message>
</context>
<context>
    <name>th::FloorPlanView</name>
    <message>
        <source>%1 km</source>
        <translation>%1 km</translation>
    </message>
    <message>
        <source>%1 m</source>
        <translation>%1 m</translation>
    </message>
    <message>
        <source>&amp;Overlays</source>
        <translation>叠加图层(&amp;O)</translation>
    </message>
</context>
<context>
    <name>th::InspectorDock</name>
    <message>
        <source>Inspector</source>
        <translation>属性检查器</translation>
    </message>
    <message>
        <source>&amp;Label:</source>
        <translation>标签(&amp;L)：</translation>
    </message>
    <message>
        <source>&amp;X (mm, west edge):</source>
        <translation>&amp;X（mm，西侧边缘）：</translation>
    </message>
    <message>
        <source>&amp;Y (mm, north edge):</source>
        <translation>&amp;Y（mm，北侧边缘）：</translation>
    </message>
    <message>
        <source>&amp;Rotation (°):</source>
        <translation>旋转（°）(&amp;R)：</translation>
    </message>
    <message>
        <source>&amp;Units per rack:</source>
        <translation>每机柜台数(&amp;U)：</translation>
    </message>
    <message>
        <source>Redundancy &amp;group:</source>
        <translation>冗余组(&amp;G)：</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>名称(&amp;N)：</translation>
    </message>
    <message>
        <source>&amp;Width (mm):</source>
        <translation>宽度（mm）(&amp;W)：</translation>
    </message>
    <message>
        <source>&amp;Depth (mm):</source>
        <translation>进深（mm）(&amp;D)：</translation>
    </message>
    <message>
        <source>&amp;Tile (mm):</source>
        <translation>地砖尺寸（mm）(&amp;T)：</translation>
    </message>
    <message>
        <source>&amp;Yard depth (mm):</source>
        <translation>室外场地进深（mm）(&amp;Y)：</translation>
    </message>
    <message>
        <source>&amp;Floor rating (kg/m²):</source>
        <translation>楼板承重（kg/m²）(&amp;F)：</translation>
    </message>
    <message>
        <source>&amp;Minimum aisle (mm):</source>
        <translation>最小通道宽度（mm）(&amp;M)：</translation>
    </message>
    <message>
        <source>Hall: %1</source>
        <translation>机房：%1</translation>
    </message>
    <message>
        <source>No hall</source>
        <translation>无机房</translation>
    </message>
    <message>
        <source>%1 m² · select items to edit them</source>
        <translation>%1 m² · 选择设备即可编辑</translation>
    </message>
    <message>
        <source>%1 · %2 × %3 mm</source>
        <translation>%1 · %2 × %3 mm</translation>
    </message>
    <message>
        <source>%1 · missing from the catalog (kept as is)</source>
        <translation>%1 · 目录中不存在（按原样保留）</translation>
    </message>
    <message numerus="yes">
        <source>%n items selected</source>
        <translation>
            <numerusform>已选择 %n 台设备</numerusform>
        </translation>
    </message>
    <message>
        <source>Label, rotation and properties apply to all of them.</source>
        <translation>标签、旋转和属性将应用于所有所选设备。</translation>
    </message>
    <message>
        <source>(several)</source>
        <translation>（多个值）</translation>
    </message>
    <message>
        <source>Units per rack must be a whole number from 1 to %1; “%2” was not applied.</source>
        <translation>每机柜台数必须是 1 到 %1 之间的整数；“%2”未应用。</translation>
    </message>
    <message>
        <source>Rotation must be a multiple of 90° from 0 to 270 (0, 90, 180 or 270); “%1” was not applied.</source>
        <translation>旋转角度必须是 0 到 270 之间 90° 的倍数（0、90、180 或 270）；“%1”未应用。</translation>
    </message>
    <message>
        <source>Rotation %1° was not applied: %2.</source>
        <translation>旋转 %1° 未应用：%2。</translation>
    </message>
    <message>
        <source>X</source>
        <translation>X</translation>
    </message>
    <message>
        <source>Y</source>
        <translation>Y</translation>
    </message>
    <message>
        <source>%1 must be a number from %2 to %3 mm so that the item stays inside %4; “%5” was not applied.</source>
        <translation>%1 必须是 %2 到 %3 mm 之间的数值，以使设备保持在 %4 内；“%5”未应用。</translation>
    </message>
    <message>
        <source>the yard</source>
        <translation>室外场地</translation>
    </message>
    <message>
        <source>%1 = %2 mm was not applied: %3.</source>
        <translation>%1 = %2 mm 未应用：%3。</translation>
    </message>
    <message>
        <source>Name must not be empty.</source>
        <translation>名称不能为空。</translation>
    </message>
    <message>
        <source>Width</source>
        <translation>宽度</translation>
    </message>
    <message>
        <source>Depth</source>
        <translation>进深</translation>
    </message>
    <message>
        <source>Tile</source>
        <translation>地砖尺寸</translation>
    </message>
    <message>
        <source>Yard depth</source>
        <translation>室外场地进深</translation>
    </message>
    <message>
        <source>Floor rating</source>
        <translation>楼板承重</translation>
    </message>
    <message>
        <source>Minimum aisle</source>
        <translation>最小通道宽度</translation>
    </message>
    <message>
        <source>kg/m²</source>
        <translation>kg/m²</translation>
    </message>
    <message>
        <source>mm</source>
        <translation>mm</translation>
    </message>
    <message>
        <source>%1 must be a number from %2 to %3 %4; “%5” was not applied.</source>
        <translation>%1 必须是 %2 到 %3 %4 之间的数值；“%5”未应用。</translation>
    </message>
    <message>
        <source>Kind:</source>
        <translation>类型：</translation>
    </message>
    <message numerus="yes">
        <source>%n structures selected</source>
        <translation>
            <numerusform>已选择 %n 个结构</numerusform>
        </translation>
    </message>
    <message>
        <source>Select one structure to edit it; Delete removes them all.</source>
        <translation>选择单个结构以编辑；按 Delete 删除全部所选结构。</translation>
    </message>
    <message>
        <source>%1 must be a number from %2 to %3 mm; “%4” was not applied.</source>
        <translation>%1 必须是 %2 到 %3 mm 之间的数值；“%4”未应用。</translation>
    </message>
    <message>
        <source>&amp;Hall:</source>
        <translation>机房(&amp;H)：</translation>
    </message>
    <message numerus="yes">
        <source>“%1” was not applied: %2 and %n other item(s) would end up outside the hall or its yard; move them first.</source>
        <translation>
            <numerusform>“%1”未应用：%2 及另外 %n 台设备将位于机房或室外场地之外；请先移动它们。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>th::KpiDock</name>
    <message>
        <source>US$ %1 bn</source>
        <translation>%1 十亿美元</translation>
    </message>
    <message>
        <source>US$ %1 M</source>
        <translation>%1 百万美元</translation>
    </message>
    <message>
        <source>US$ %1</source>
        <translation>%1 美元</translation>
    </message>
    <message>
        <source>Floor-plan KPIs</source>
        <translation>平面布置 KPI</translation>
    </message>
    <message>
        <source>Precision:</source>
        <translation>精度：</translation>
    </message>
    <message>
        <source>Accelerators:</source>
        <translation>加速卡：</translation>
    </message>
    <message>
        <source>Peak (dense):</source>
        <translation>峰值算力（稠密）：</translation>
    </message>
    <message>
        <source>Sum of the chips&apos; dense peak at the chosen precision (no sparsity)</source>
        <translation>所选精度下各芯片稠密峰值算力之和（不计稀疏）</translation>
    </message>
    <message>
        <source>IT power:</source>
        <translation>IT 功率：</translation>
    </message>
    <message>
        <source>Facility power:</source>
        <translation>设施总功率：</translation>
    </message>
    <message>
        <source>PUE (design / annual):</source>
        <translation>PUE（设计 / 年均）：</translation>
    </message>
    <message>
        <source>From the placed power chain and cooling plant at the plan&apos;s climate site (docs/facility-model.md); without power and cooling equipment, a first estimate from the cooling technology of the IT load.</source>
        <translation>根据方案气候站点下已放置的供电链路和制冷系统计算（docs/facility-model.md）；未放置供配电和制冷设备时，按 IT 负载的制冷方式作初步估算。</translation>
    </message>
    <message>
        <source>kW per rack (max / avg):</source>
        <translation>单机柜功率（最大 / 平均）：</translation>
    </message>
    <message>
        <source>IT kW per m² of hall:</source>
        <translation>机房单位面积 IT 功率密度：</translation>
    </message>
    <message>
        <source>Heaviest floor load:</source>
        <translation>最大楼板荷载：</translation>
    </message>
    <message>
        <source>CapEx:</source>
        <translation>资本支出（CapEx）：</translation>
    </message>
    <message>
        <source>Workload training time:</source>
        <translation>工作负载训练时长：</translation>
    </message>
    <message>
        <source>&lt;b&gt;Problems&lt;/b&gt; (click to select the items)</source>
        <translation>&lt;b&gt;问题&lt;/b&gt;（点击可选中相关设备）</translation>
    </message>
    <message>
        <source>%1 (mostly %2)</source>
        <translation>%1（主要为 %2）</translation>
    </message>
    <message>
        <source>Peak %1 (dense):</source>
        <translation>峰值算力 %1（稠密）：</translation>
    </message>
    <message>
        <source>not supported by these chips</source>
        <translation>这些芯片不支持</translation>
    </message>
    <message>
        <source>%1 PFLOPS</source>
        <translation>%1 PFLOPS</translation>
    </message>
    <message>
        <source>%1 kW</source>
        <translation>%1 kW</translation>
    </message>
    <message>
        <source>%1 / %2 (%3, %4)</source>
        <translation>%1 / %2（%3，%4）</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message numerus="yes">
        <source>%1 / %2 kW (%n rack(s))</source>
        <translation>
            <numerusform>%1 / %2 kW（%n 个机柜）</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 kW/m² (hall %2 m²)</source>
        <translation>%1 kW/m²（机房 %2 m²）</translation>
    </message>
    <message>
        <source>%1 kg/m²</source>
        <translation>%1 kg/m²</translation>
    </message>
    <message numerus="yes">
        <source> (%n item(s) without price)</source>
        <translation>
            <numerusform>（%n 项无价格）</numerusform>
        </translation>
    </message>
    <message>
        <source>no workload attached (Plan ▸ Workload…)</source>
        <translation>未关联工作负载（方案 ▸ 工作负载…）</translation>
    </message>
    <message>
        <source>%1 days at MFU %2</source>
        <translation>%1 天，MFU %2</translation>
    </message>
    <message>
        <source>; </source>
        <translation>；</translation>
    </message>
    <message>
        <source>Error: %1</source>
        <translation>错误：%1</translation>
    </message>
    <message>
        <source>Warning: %1</source>
        <translation>警告：%1</translation>
    </message>
    <message>
        <source>No problems found.</source>
        <translation>未发现问题。</translation>
    </message>
    <message>
        <source>Redundancy:</source>
        <translation>冗余：</translation>
    </message>
    <message>
        <source>Power: what the N-1 analysis of the placed power chain achieves (N, N+1, 2N). Cooling: whether every cooling zone keeps its heat load with its largest unit failed.</source>
        <translation>供电：对已布置供电链路做 N-1 分析所达到的冗余等级（N、N+1、2N）。制冷：每个制冷区在其最大单台设备故障时能否仍承担全部热负荷。</translation>
    </message>
    <message>
        <source>power %1, cooling %2</source>
        <translation>供电 %1，制冷 %2</translation>
    </message>
    <message>
        <source>N+1</source>
        <translation>N+1</translation>
    </message>
    <message>
        <source>not N+1</source>
        <translation>未达 N+1</translation>
    </message>
    <message>
        <source>no power chain placed</source>
        <translation>未布置供电链路</translation>
    </message>
    <message>
        <source>Rack inlets (indicative):</source>
        <translation>机柜进风温度（示意）：</translation>
    </message>
    <message>
        <source>no halls</source>
        <translation>无机房</translation>
    </message>
    <message>
        <source>computing…</source>
        <translation>计算中…</translation>
    </message>
    <message>
        <source>no air-cooled racks</source>
        <translation>无风冷机柜</translation>
    </message>
    <message numerus="yes">
        <source>max %1 °C, %n rack(s) above 27 °C</source>
        <translation>
            <numerusform>最高 %1 °C，%n 个机柜超过 27 °C</numerusform>
        </translation>
    </message>
    <message>
        <source>PUE targets (annual):</source>
        <translation>PUE 目标（年均）：</translation>
    </message>
    <message>
        <source>China&apos;s PUE targets that apply at the plan&apos;s site (DOMAIN.md §4: national hub nodes ≤ 1.25, western hubs ≤ 1.20, new large data centres &lt; 1.3, green data centres ≤ 1.30, GB 40879-2021 grades), checked against the annual PUE. Hover the value for every target with its source.</source>
        <translation>适用于本方案站点的中国 PUE 目标（DOMAIN.md §4：国家枢纽节点 ≤ 1.25，西部枢纽 ≤ 1.20，新建大型数据中心 &lt; 1.3，绿色数据中心 ≤ 1.30，GB 40879-2021 各级），以年均 PUE 核对。将鼠标悬停在数值上可查看每项目标及其出处。</translation>
    </message>
    <message>
        <source>no facility model (place power and cooling equipment)</source>
        <translation>无设施模型（请放置供电和制冷设备）</translation>
    </message>
    <message>
        <source>for reference</source>
        <translation>仅供参考</translation>
    </message>
    <message>
        <source>pass</source>
        <translation>达标</translation>
    </message>
    <message>
        <source>fail</source>
        <translation>未达标</translation>
    </message>
    <message>
        <source>none apply at %1 (China&apos;s targets)</source>
        <translation>%1 不适用（中国目标）</translation>
    </message>
    <message>
        <source>Annual PUE %1 against:</source>
        <translation>年均 PUE %1 对照：</translation>
    </message>
    <message>
        <source>%1 of %2 met</source>
        <translation>已达标 %1 / %2</translation>
    </message>
    <message>
        <source>Indicative 2-D airflow and heat model of each hall (not CFD; docs/facility-model.md §5), solved in the background after each change: the warmest rack inlet, the racks above 27 °C (ASHRAE recommended) and the Rack Cooling Index RCI_HI of the worst hall (Herrlin 2005: 100 % = no inlet above 27 °C; it falls with the inlets&apos; excess over 27 °C relative to the 32 °C allowable limit).</source>
        <translation>各机房的示意性二维气流与热模型（非 CFD；docs/facility-model.md §5），每次修改后在后台求解：最高机柜进风温度、超过 27 °C（ASHRAE 推荐上限）的机柜数，以及最差机房的机柜冷却指数 RCI_HI（Herrlin 2005：100 % 表示没有进风高于 27 °C；进风超出 27 °C 的幅度相对 32 °C 允许上限越大，该指数越低）。</translation>
    </message>
    <message>
        <source>, RCI_HI %1 %</source>
        <translation>，RCI_HI %1 %</translation>
    </message>
</context>
<context>
    <name>th::MainWindow</name>
    <message>
        <source>Terahall plans (*.thplan);;All files (*)</source>
        <translation>Terahall 方案 (*.thplan);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Untitled plan</source>
        <translation>未命名方案</translation>
    </message>
    <message>
        <source>Hall 1</source>
        <translation>机房 1</translation>
    </message>
    <message>
        <source>History</source>
        <translation>历史记录</translation>
    </message>
    <message>
        <source>&lt;opened plan&gt;</source>
        <translation>&lt;已打开的方案&gt;</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;New Plan</source>
        <translation>新建方案(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>打开(&amp;O)…</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <source>Save &amp;As…</source>
        <translation>另存为(&amp;A)…</translation>
    </message>
    <message>
        <source>&amp;Catalog</source>
        <translation>目录(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <source>A&amp;rrange</source>
        <translation>排列(&amp;R)</translation>
    </message>
    <message>
        <source>Pre&amp;ferences…</source>
        <translation>首选项(&amp;F)…</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>Zoom &amp;In</source>
        <translation>放大(&amp;I)</translation>
    </message>
    <message>
        <source>Zoom &amp;Out</source>
        <translation>缩小(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Fit to Hall</source>
        <translation>适合机房(&amp;F)</translation>
    </message>
    <message>
        <source>Ctrl+0</source>
        <translation>Ctrl+0</translation>
    </message>
    <message>
        <source>Zoom &amp;1:1 (40 px per metre)</source>
        <translation>缩放 1:1（每米 40 像素）(&amp;1)</translation>
    </message>
    <message>
        <source>Ctrl+Shift+0</source>
        <translation>Ctrl+Shift+0</translation>
    </message>
    <message>
        <source>&amp;Colour By</source>
        <translation>着色依据(&amp;C)</translation>
    </message>
    <message>
        <source>Equipment &amp;Type</source>
        <translation>设备类型(&amp;T)</translation>
    </message>
    <message>
        <source>Rack &amp;Power (kW)</source>
        <translation>机柜功率（kW）(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Weight (kg/m²)</source>
        <translation>重量（kg/m²）(&amp;W)</translation>
    </message>
    <message>
        <source>&amp;Cooling Type</source>
        <translation>制冷方式(&amp;C)</translation>
    </message>
    <message>
        <source>Ctrl+1</source>
        <translation>Ctrl+1</translation>
    </message>
    <message>
        <source>Ctrl+2</source>
        <translation>Ctrl+2</translation>
    </message>
    <message>
        <source>&amp;Plan</source>
        <translation>方案(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Workload…</source>
        <translation>工作负载(&amp;W)…</translation>
    </message>
    <message>
        <source>&amp;Hall Properties</source>
        <translation>机房属性(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;About Terahall</source>
        <translation>关于 Terahall(&amp;A)</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>关于 Qt(&amp;Q)</translation>
    </message>
    <message>
        <source>Floor Plan</source>
        <translation>平面布置</translation>
    </message>
    <message>
        <source>Fit</source>
        <translation>适合</translation>
    </message>
    <message>
        <source>Fit to hall (Ctrl+0)</source>
        <translation>适合机房（Ctrl+0）</translation>
    </message>
    <message>
        <source>1:1</source>
        <translation>1:1</translation>
    </message>
    <message>
        <source>40 px per metre</source>
        <translation>每米 40 像素</translation>
    </message>
    <message>
        <source>+</source>
        <translation>+</translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation>放大</translation>
    </message>
    <message>
        <source>−</source>
        <translation>−</translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation>缩小</translation>
    </message>
    <message>
        <source> Colour by: </source>
        <translation> 着色依据： </translation>
    </message>
    <message>
        <source>No catalog open</source>
        <translation>未打开目录</translation>
    </message>
    <message>
        <source>in memory</source>
        <translation>内存中</translation>
    </message>
    <message>
        <source>Catalog: %1 · %2 chips, %3 systems, %4 equipment, %5 model presets</source>
        <translation>目录：%1 · %2 种芯片，%3 种系统，%4 种设施设备，%5 个模型预设</translation>
    </message>
    <message>
        <source>Untitled</source>
        <translation>未命名</translation>
    </message>
    <message>
        <source>%1[*] — Terahall</source>
        <translation>%1[*] — Terahall</translation>
    </message>
    <message>
        <source>About Terahall</source>
        <translation>关于 Terahall</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Terahall %1&lt;/h3&gt;&lt;p&gt;A capacity planner for AI data centres: training time, MFU, power, PUE, density and cost from a sourced catalog of accelerators, systems and facility equipment.&lt;/p&gt;&lt;p&gt;Every catalog figure names its source and confidence; estimates state their formulas.&lt;/p&gt;&lt;p&gt;Licensed under the GNU General Public License, version 3 or later.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Terahall %1&lt;/h3&gt;&lt;p&gt;面向智算中心的容量规划工具：基于注明来源的加速卡、系统和设施设备目录，计算训练时长、算力利用率（MFU）、功率、电能利用效率（PUE）、功率密度和成本。&lt;/p&gt;&lt;p&gt;每个目录数据都注明来源和可信度；每项估算都给出计算公式。&lt;/p&gt;&lt;p&gt;依据 GNU 通用公共许可证第 3 版或更高版本授权。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Unsaved Changes</source>
        <translation>未保存的更改</translation>
    </message>
    <message>
        <source>The plan “%1” has unsaved changes.
Do you want to save them?</source>
        <translation>方案“%1”有未保存的更改。
是否保存？</translation>
    </message>
    <message>
        <source>Open Plan</source>
        <translation>打开方案</translation>
    </message>
    <message>
        <source>unknown error</source>
        <translation>未知错误</translation>
    </message>
    <message numerus="yes">
        <source>
… and %n more problem(s)</source>
        <translation>
            <numerusform>
… 另有 %n 个问题</numerusform>
        </translation>
    </message>
    <message>
        <source>Cannot Open Plan</source>
        <translation>无法打开方案</translation>
    </message>
    <message>
        <source>“%1” could not be opened; the plan that is open stays as it was.</source>
        <translation>无法打开“%1”；当前打开的方案保持不变。</translation>
    </message>
    <message numerus="yes">
        <source>Opened %1; %n item(s) reference catalog ids this catalog lacks: shown hatched and kept.</source>
        <translation>
            <numerusform>已打开 %1；%n 台设备引用了本目录中不存在的目录 ID：以斜线填充显示并保留。</numerusform>
        </translation>
    </message>
    <message>
        <source>Opened %1.</source>
        <translation>已打开 %1。</translation>
    </message>
    <message>
        <source>plan.thplan</source>
        <translation>方案.thplan</translation>
    </message>
    <message>
        <source>Save Plan As</source>
        <translation>方案另存为</translation>
    </message>
    <message>
        <source>Cannot Save Plan</source>
        <translation>无法保存方案</translation>
    </message>
    <message>
        <source>“%1” could not be saved: %2
The file on disk, if any, is unchanged; your plan is still open.</source>
        <translation>无法保存“%1”：%2
磁盘上的文件（如有）未改动；您的方案仍处于打开状态。</translation>
    </message>
    <message>
        <source>Saved %1.</source>
        <translation>已保存 %1。</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>&amp;Clear List</source>
        <translation>清除列表(&amp;C)</translation>
    </message>
    <message>
        <source>Autosave failed: %1</source>
        <translation>自动保存失败：%1</translation>
    </message>
    <message>
        <source>Restore Unsaved Plan?</source>
        <translation>恢复未保存的方案？</translation>
    </message>
    <message>
        <source>Terahall did not close normally. A plan with unsaved changes was autosaved at %1%2.

Restore it? (If not, the autosaved copy is deleted.)</source>
        <translation>Terahall 上次未正常关闭。一个有未保存更改的方案已于 %1 自动保存%2。

是否恢复？（否则将删除自动保存的副本。）</translation>
    </message>
    <message>
        <source> (from %1)</source>
        <translation>（来自 %1）</translation>
    </message>
    <message>
        <source>Restored the autosaved plan; save it to keep it.</source>
        <translation>已恢复自动保存的方案；请保存以保留它。</translation>
    </message>
    <message>
        <source>Cannot Restore</source>
        <translation>无法恢复</translation>
    </message>
    <message>
        <source>The autosaved plan could not be read:
%1</source>
        <translation>无法读取自动保存的方案：
%1</translation>
    </message>
    <message>
        <source>Export &amp;Report…</source>
        <translation>导出报告(&amp;R)…</translation>
    </message>
    <message>
        <source>PDF report, A4 (*.pdf)</source>
        <translation>PDF 报告，A4 (*.pdf)</translation>
    </message>
    <message>
        <source>PDF report, Letter (*.pdf)</source>
        <translation>PDF 报告，Letter (*.pdf)</translation>
    </message>
    <message>
        <source>Export Report</source>
        <translation>导出报告</translation>
    </message>
    <message>
        <source>Report written to %1</source>
        <translation>报告已写入 %1</translation>
    </message>
    <message>
        <source>Plan &amp;Properties…</source>
        <translation>方案属性(&amp;P)…</translation>
    </message>
</context>
<context>
    <name>th::PaletteDock</name>
    <message>
        <source>Network racks</source>
        <translation>网络机柜</translation>
    </message>
    <message>
        <source>Storage racks</source>
        <translation>存储机柜</translation>
    </message>
    <message>
        <source>Empty racks</source>
        <translation>空机柜</translation>
    </message>
    <message>
        <source>UPS</source>
        <translation>不间断电源（UPS）</translation>
    </message>
    <message>
        <source>PDUs</source>
        <translation>配电单元（PDU）</translation>
    </message>
    <message>
        <source>Remote power panels</source>
        <translation>远程配电柜（RPP）</translation>
    </message>
    <message>
        <source>Busways</source>
        <translation>母线槽</translation>
    </message>
    <message>
        <source>Transformers</source>
        <translation>变压器</translation>
    </message>
    <message>
        <source>Generators</source>
        <translation>柴油发电机</translation>
    </message>
    <message>
        <source>CRAH units</source>
        <translation>精密空调（CRAH）</translation>
    </message>
    <message>
        <source>In-row coolers</source>
        <translation>行间空调</translation>
    </message>
    <message>
        <source>Rear-door heat exchangers</source>
        <translation>背板换热器</translation>
    </message>
    <message>
        <source>Coolant distribution units</source>
        <translation>冷量分配单元（CDU）</translation>
    </message>
    <message>
        <source>Immersion tanks</source>
        <translation>浸没式液冷槽</translation>
    </message>
    <message>
        <source>Chillers</source>
        <translation>冷水机组</translation>
    </message>
    <message>
        <source>Dry coolers</source>
        <translation>干冷器</translation>
    </message>
    <message>
        <source>Cooling towers</source>
        <translation>冷却塔</translation>
    </message>
    <message>
        <source>Palette</source>
        <translation>设备面板</translation>
    </message>
    <message>
        <source>Filter (name or id)</source>
        <translation>筛选（名称或 ID）</translation>
    </message>
    <message>
        <source>Drag items onto the hall</source>
        <translation>将设备拖到机房中</translation>
    </message>
    <message>
        <source>Servers (placed in racks)</source>
        <translation>服务器（放入机柜）</translation>
    </message>
    <message>
        <source>Rack-scale systems and supernodes</source>
        <translation>整机柜系统与超节点</translation>
    </message>
    <message>
        <source>%1 accelerators, %2 kW IT, %3 cooling</source>
        <translation>%1 块加速卡，IT %2 kW，%3</translation>
    </message>
    <message>
        <source>, %1 per rack</source>
        <translation>，每机柜 %1 台</translation>
    </message>
    <message>
        <source>%1 × %2 mm, %3</source>
        <translation>%1 × %2 mm，%3</translation>
    </message>
    <message>
        <source>air</source>
        <comment>cooling</comment>
        <translation>风冷</translation>
    </message>
    <message>
        <source>liquid</source>
        <comment>cooling</comment>
        <translation>液冷</translation>
    </message>
    <message>
        <source>hybrid</source>
        <comment>cooling</comment>
        <translation>风液混合</translation>
    </message>
    <message>
        <source>immersion</source>
        <comment>cooling</comment>
        <translation>浸没式液冷</translation>
    </message>
    <message>
        <source>in the hall</source>
        <comment>placement</comment>
        <translation>机房内</translation>
    </message>
    <message>
        <source>outdoor yard</source>
        <comment>placement</comment>
        <translation>室外场地</translation>
    </message>
    <message>
        <source>Structures</source>
        <translation>结构</translation>
    </message>
    <message>
        <source>%1
%2 × %3 mm (edit the size in the inspector)</source>
        <translation>%1
%2 × %3 mm（可在检查器中修改尺寸）</translation>
    </message>
</context>
<context>
    <name>th::PlaceEquipmentTool</name>
    <message>
        <source>%1 is not in the catalog</source>
        <translation>%1 不在目录中</translation>
    </message>
    <message>
        <source>Cannot place here: %1.</source>
        <translation>无法放在此处：%1。</translation>
    </message>
    <message>
        <source>structures belong inside the hall</source>
        <translation>结构只能放在机房内</translation>
    </message>
</context>
<context>
    <name>th::PlanChartsDock</name>
    <message>
        <source>Plan charts</source>
        <translation>方案图表</translation>
    </message>
    <message>
        <source>Sensitivity ranges</source>
        <translation>敏感性范围</translation>
    </message>
    <message>
        <source> %</source>
        <translation> %</translation>
    </message>
    <message>
        <source>Electricity price:</source>
        <translation>电价：</translation>
    </message>
    <message>
        <source>Electricity price moved down and up by this share of the workload&apos;s price</source>
        <translation>电价按工作负载电价的此比例下调和上调</translation>
    </message>
    <message>
        <source>MFU:</source>
        <translation>MFU：</translation>
    </message>
    <message>
        <source>Model FLOPS utilisation moved down and up by this share (at most 0.95)</source>
        <translation>模型 FLOPS 利用率（MFU）按此比例下调和上调（最高 0.95）</translation>
    </message>
    <message>
        <source>PUE:</source>
        <translation>PUE：</translation>
    </message>
    <message>
        <source>PUE moved down (not below 1.0) and up by this share</source>
        <translation>PUE 按此比例下调（不低于 1.0）和上调</translation>
    </message>
    <message>
        <source>Chip price:</source>
        <translation>芯片价格：</translation>
    </message>
    <message>
        <source>Chip price when the chips are bought, chip-hour price when they are rented</source>
        <translation>购买芯片时为芯片价格，租用时为卡时价格</translation>
    </message>
    <message>
        <source>Utilisation:</source>
        <translation>利用率：</translation>
    </message>
    <message>
        <source>Share of wall-clock time lost (failures, restarts); the base estimate assumes 100 %, so only the low side moves</source>
        <translation>损失的挂钟时间比例（故障、重启）；基准估算假定为 100 %，因此只有低端变化</translation>
    </message>
    <message>
        <source>Save chart…</source>
        <translation>保存图表…</translation>
    </message>
    <message>
        <source>Save this chart as PNG or SVG</source>
        <translation>将此图表保存为 PNG 或 SVG</translation>
    </message>
    <message>
        <source>The facility model is not available for this plan, so there is no power breakdown.</source>
        <translation>此方案无法使用设施模型，因此没有功率分解。</translation>
    </message>
    <message>
        <source>No cooling zones: place cooling units (CRAH, CDU, in-row) to see heat load against capacity by zone.</source>
        <translation>没有冷却区域：请放置冷却设备（CRAH、CDU、列间空调），以按区域查看热负荷与冷却容量。</translation>
    </message>
    <message>
        <source>The plan has no workload, so there is no sensitivity of cost and training time. Attach one with Plan ▸ Workload…</source>
        <translation>此方案没有工作负载，因此没有成本和训练时间的敏感性分析。请通过“方案 ▸ 工作负载…”关联一个工作负载。</translation>
    </message>
    <message>
        <source>The plan&apos;s workload cannot be estimated, so there is no sensitivity of cost and training time: %1</source>
        <translation>无法估算此方案的工作负载，因此没有成本和训练时间的敏感性分析：%1</translation>
    </message>
    <message>
        <source>; </source>
        <translation>；</translation>
    </message>
    <message>
        <source>This chart has no data for the open plan.</source>
        <translation>当前方案没有此图表的数据。</translation>
    </message>
    <message>
        <source>Save Chart</source>
        <translation>保存图表</translation>
    </message>
    <message>
        <source>PNG image (*.png);;SVG drawing (*.svg)</source>
        <translation>PNG 图像 (*.png);;SVG 图形 (*.svg)</translation>
    </message>
</context>
<context>
    <name>th::PlanPropertiesDialog</name>
    <message>
        <source>China, western hub node (PUE ≤ 1.20 and the national targets)</source>
        <translation>中国，西部枢纽节点（PUE ≤ 1.20 及全国性目标）</translation>
    </message>
    <message>
        <source>China, hub node (PUE ≤ 1.25 and the national targets)</source>
        <translation>中国，枢纽节点（PUE ≤ 1.25 及全国性目标）</translation>
    </message>
    <message>
        <source>China (national targets: new large data centres &lt; 1.3, GB 40879-2021)</source>
        <translation>中国（全国性目标：新建大型数据中心 &lt; 1.3，GB 40879-2021）</translation>
    </message>
    <message>
        <source>none (outside China; China&apos;s targets shown for reference)</source>
        <translation>无（中国境外；中国目标仅供参考）</translation>
    </message>
    <message>
        <source>high</source>
        <translation>高</translation>
    </message>
    <message>
        <source>medium</source>
        <translation>中</translation>
    </message>
    <message>
        <source>low</source>
        <translation>低</translation>
    </message>
    <message>
        <source>Plan Properties</source>
        <translation>方案属性</translation>
    </message>
    <message>
        <source>not set: %1 (the analysis default)</source>
        <translation>未设置：%1（分析默认值）</translation>
    </message>
    <message>
        <source>%1 (unknown site: the analysis uses %2)</source>
        <translation>%1（未知站点：分析使用 %2）</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>名称(&amp;N)：</translation>
    </message>
    <message>
        <source>&amp;Author:</source>
        <translation>作者(&amp;A)：</translation>
    </message>
    <message>
        <source>&amp;Description:</source>
        <translation>说明(&amp;D)：</translation>
    </message>
    <message>
        <source>Climate &amp;site:</source>
        <translation>气候站点(&amp;S)：</translation>
    </message>
    <message>
        <source>No climate normals for this site in this build: the analysis uses %1 and lists a warning.</source>
        <translation>本版本没有该站点的气候平均值：分析将使用 %1，并列出一条警告。</translation>
    </message>
    <message>
        <source>Monthly mean %1 °C (coldest month) to %2 °C (warmest), annual %3 °C; grid factor %4 kg CO₂/kWh. PUE targets: %5. Climate normals confidence: %6 (hover for the source).</source>
        <translation>月平均气温 %1 °C（最冷月）至 %2 °C（最热月），年平均 %3 °C；电网排放因子 %4 kg CO₂/kWh。PUE 目标：%5。气候平均值可信度：%6（悬停查看来源）。</translation>
    </message>
    <message>
        <source>Normals: %1</source>
        <translation>气候平均值：%1</translation>
    </message>
    <message>
        <source>Grid factor: %1</source>
        <translation>电网排放因子：%1</translation>
    </message>
</context>
<context>
    <name>th::PreferencesDialog</name>
    <message>
        <source>Preferences</source>
        <translation>首选项</translation>
    </message>
    <message>
        <source>System default (%1)</source>
        <translation>跟随系统（%1）</translation>
    </message>
    <message>
        <source>User interface</source>
        <translation>用户界面</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>语言(&amp;L)：</translation>
    </message>
    <message>
        <source>&lt;b&gt;The new language applies the next time Terahall starts.&lt;/b&gt; Numbers, dates and units follow the language&apos;s locale.</source>
        <translation>&lt;b&gt;新语言将在 Terahall 下次启动时生效。&lt;/b&gt;数字、日期和单位遵循该语言的区域格式。</translation>
    </message>
    <message>
        <source>The language applies the next time Terahall starts. Numbers, dates and units follow the language&apos;s locale. The command line (terahall estimate, evaluate, …) always answers in English.</source>
        <translation>语言将在 Terahall 下次启动时生效。数字、日期和单位遵循该语言的区域格式。命令行（terahall estimate、evaluate…）始终使用英文输出。</translation>
    </message>
</context>
<context>
    <name>th::ProblemsDock</name>
    <message>
        <source>Problems</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>All problems</source>
        <translation>全部问题</translation>
    </message>
    <message>
        <source>Errors only</source>
        <translation>仅错误</translation>
    </message>
    <message>
        <source>Warnings only</source>
        <translation>仅警告</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>严重程度</translation>
    </message>
    <message>
        <source>Items</source>
        <translation>设备</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>The machine key of the problem, as in terahall evaluate</source>
        <translation>问题的机器键，与 terahall evaluate 输出一致</translation>
    </message>
    <message>
        <source>the plan</source>
        <translation>整个方案</translation>
    </message>
    <message numerus="yes">
        <source>%1, … (%n item(s))</source>
        <translation>
            <numerusform>%1，…（共 %n 台设备）</numerusform>
        </translation>
    </message>
    <message>
        <source>Error</source>
        <translation>错误</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>警告</translation>
    </message>
    <message>
        <source>No problems found.</source>
        <translation>未发现问题。</translation>
    </message>
    <message>
        <source>%1 error(s), %2 warning(s); click a row to select its items.</source>
        <translation>%1 个错误，%2 个警告；单击某行可选中相关设备。</translation>
    </message>
    <message>
        <source>Problems (%1)</source>
        <translation>问题（%1）</translation>
    </message>
</context>
<context>
    <name>th::SelectTool</name>
    <message>
        <source>Cannot move here: %1.</source>
        <translation>无法移动到此处：%1。</translation>
    </message>
    <message>
        <source>Cannot move: %1.</source>
        <translation>无法移动：%1。</translation>
    </message>
</context>
<context>
    <name>th::StructureItem</name>
    <message>
        <source>Wall</source>
        <translation>墙</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>柱</translation>
    </message>
    <message>
        <source>Door</source>
        <translation>门</translation>
    </message>
    <message>
        <source>Hot aisle containment</source>
        <translation>热通道封闭</translation>
    </message>
    <message>
        <source>Cold aisle containment</source>
        <translation>冷通道封闭</translation>
    </message>
</context>
<context>
    <name>th::WorkloadDialog</name>
    <message>
        <source>Workload</source>
        <translation>工作负载</translation>
    </message>
    <message>
        <source>e.g. 15e12</source>
        <translation>例如 15e12</translation>
    </message>
    <message>
        <source>&amp;Estimate MFU with the performance model</source>
        <translation>用性能模型估算 MFU(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Model:</source>
        <translation>模型(&amp;M)：</translation>
    </message>
    <message>
        <source>&amp;Tokens:</source>
        <translation>Token 数(&amp;T)：</translation>
    </message>
    <message>
        <source>&amp;Precision:</source>
        <translation>精度(&amp;P)：</translation>
    </message>
    <message>
        <source>M&amp;FU:</source>
        <translation>M&amp;FU：</translation>
    </message>
    <message>
        <source>&amp;Detach</source>
        <translation>分离(&amp;D)</translation>
    </message>
    <message>
        <source>Tokens must be a number from 1e6 to 1e16; “%1” is not.</source>
        <translation>Token 数必须是 1e6 到 1e16 之间的数值；“%1”不是。</translation>
    </message>
    <message>
        <source>Choose a model (the catalog has none).</source>
        <translation>请选择模型（目录中没有模型）。</translation>
    </message>
</context>
</TS>
