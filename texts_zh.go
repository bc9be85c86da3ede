package main

// textsZH are the command line's words in Simplified Chinese. The terms
// are those of the glossary (content/zh/glossary.md): 示例 lesson,
// 练习 exercise, 场景 scenario, 运行记录 transcript, 提示 hint,
// 参考答案 reference solution, 工作区 workspace.
var textsZH = texts{
	listExercise: "练习",
	listPassed:   "✔ 已通过",
	listNotYet:   "✘ 未通过",
	listToDo:     "· 待完成",
	listProgress: "%[2]d 个练习已通过 %[1]d 个。",
	listFooter:   "读一章：sockbook read basics · 运行一个示例：sockbook run basics/echo",

	checkHeading:       "用 %[2]s 的 %[3]d 个场景检查 %[1]s",
	checkServerAt:      "%s 上的服务端",
	checkPassedLabel:   "通过：",
	checkFailedLabel:   "未通过：",
	checkPassedSkipped: "%s%d 个场景通过；%d 个跳过（它们要自己启动服务端：检查一个文件才会运行）。",
	checkPassedAll:     "%s全部 %d 个场景都通过了。`sockbook solution %s` 给出参考答案，可以对照一下。",
	checkFailedCount:   "%s%[3]d 个场景通过了 %[2]d 个。",
	checkFirstFailure:  "第一个失败的场景：%s —— %s",
	checkExpected:      "预期：",
	checkGot:           "实际：",
	checkTranscript:    "这个场景的运行记录（你的程序，以及检查器这一方）：",
	checkStuck:         "卡住了？`sockbook hint %s` 会给一条提示。只重跑这个场景：--scenario %s。",
	checkLeftOut:       "…… 省略了 %d 个事件 ……",
	checkAllLine:       "%s %-16s %d/%d 个场景\n",
	checkAllWhy:        "\n用 sockbook check <练习> 查看某个练习没通过的原因。\n",

	hintHeader:  "提示 %d/%d：\n%s\n\n",
	hintNext:    "再运行一次 `sockbook hint %s`，看下一条。\n",
	hintOutside: "在工作区之外，每次都只显示第一条提示；--all 显示全部。\n",
	hintLast:    "这是最后一条提示。通过检查以后，`sockbook solution %s` 会给出参考答案。\n",

	watchStatus: "\n[正在监视 exercises/%s] n 下一个 · h 提示 · r 重跑 · q 退出\n",
	initWrote:   "已写入 %s\n",
	initNothing: "%s 已经是工作区，没有要写的文件\n",
	initNext:    "\n下一步：cd %s，编辑 exercises/%s/main.go，然后运行：sockbook check %s\n",
	exportWrote: "已把 %d 个页面（%d 种语言）写入 %s（打开 %s）\n",
	stepHelp:    "逐步查看运行记录：按 Enter 或空格看下一个事件，按 c 一直看到结尾。\n",
}
