package lessons

// titlesZH holds each lesson's title in Simplified Chinese, keyed by lesson
// id, with the English title it translates (see Lesson.TitleIn). It is
// kept apart from the catalog files so that adding a lesson and
// translating its title are separate edits; a test asks for a title here
// for every lesson.
var titlesZH = map[string]translation{
	"basics/hello":     {"One message each way, then both close", "一来一回各一条消息，然后双方关闭"},
	"basics/echo":      {"The client sends three lines; the server echoes each", "客户端发出三行，服务端逐行回显"},
	"basics/addresses": {"Both ends of a connection: LocalAddr and RemoteAddr", "连接的两端：LocalAddr 与 RemoteAddr"},
	"basics/families":  {"Three address families, one API: IPv4, IPv6 and a Unix socket", "三种地址族，同一套 API：IPv4、IPv6 和 Unix 套接字"},

	"loops/echo-loop":    {"A communication loop: many messages until the client quits", "通信循环：收发多条消息，直到客户端退出"},
	"loops/closed-wrong": {"Wrong: Read's error ignored; the server spins after the close", "错误写法：不理会 Read 的错误，客户端关闭后服务端空转"},
	"loops/closed-right": {"Right: io.EOF ends the loop when the client closes", "正确写法：客户端关闭时，io.EOF 结束循环"},
	"loops/eof-vs-reset": {"A normal close reads as io.EOF, a reset as ECONNRESET", "正常关闭读到 io.EOF，连接重置读到 ECONNRESET"},
	"loops/empty-input":  {"An empty line: writing zero bytes sends nothing", "空行：写入零个字节，什么也没发出去"},
	"loops/accept-loop":  {"An accept loop serves clients one after another", "链接循环：一个接一个地为客户端服务"},
	"loops/hotline":      {"A menu-driven hotline", "按菜单应答的热线服务"},

	"reuse/addr-in-use": {"Wrong: no SO_REUSEADDR, so TIME_WAIT blocks the restart", "错误写法：没有 SO_REUSEADDR，TIME_WAIT 挡住了重启"},
	"reuse/reuseaddr":   {"Right: net.Listen sets SO_REUSEADDR; the restart listens again", "正确写法：net.Listen 设置了 SO_REUSEADDR，重启后照常监听"},
	"reuse/reuseport":   {"SO_REUSEPORT: two listeners share one port (Linux)", "SO_REUSEPORT：两个监听套接字共用一个端口（Linux）"},

	"udp/echo":       {"An uppercase echo over UDP: ReadFrom and WriteTo", "UDP 上的大写回显：ReadFrom 与 WriteTo"},
	"udp/lossy":      {"Through a lossy relay: requests and replies lost or doubled", "经过会丢包的中继：请求和回复有的丢失，有的重复"},
	"udp/boundaries": {"Three datagrams sent back to back are read as three", "接连发出三个数据报，读到的也是三个"},
	"udp/truncate":   {"A datagram bigger than the buffer is cut, the rest lost", "数据报比缓冲区大：被截断，多出的部分丢失"},
	"udp/time":       {"The UDP time server: a layout in, the time out", "UDP 时间服务器：收到时间格式，回送当前时间"},

	"sticky/two-writes":     {"Two Writes, one Read: the messages stick together", "两次 Write，一次 Read：消息粘在了一起"},
	"sticky/half-read":      {"One Write, two Reads: a message read in halves", "一次 Write，两次 Read：一条消息分两半读到"},
	"sticky/big-write":      {"One Write of 1 MiB arrives as many Reads", "一次 Write 写出 1 MiB，要很多次 Read 才读完"},
	"sticky/one-read-wrong": {"Wrong: trusting one Read for a whole message", "错误写法：以为一次 Read 就能读到整条消息"},
	"sticky/one-read-right": {"Right: io.ReadFull fills the whole buffer", "正确写法：用 io.ReadFull 把缓冲区读满"},
	"sticky/sendall-wrong":  {"Wrong: Write's count and error ignored, bytes lost unseen", "错误写法：不看 Write 返回的字节数和错误，丢了数据也不知道"},
	"sticky/sendall-right":  {"Right: Write sends everything, or says how much and why", "正确写法：Write 要么全部发出，要么说明发了多少、为何中断"},
	"sticky/nodelay":        {"Nagle is off in Go: TCP_NODELAY is 1 until SetNoDelay(false)", "Go 默认关闭 Nagle 算法：TCP_NODELAY 为 1，直到 SetNoDelay(false)"},
	"sticky/fixed-size":     {"Cure 1: every message is 16 bytes", "解法一：每条消息固定 16 字节"},
	"sticky/delimiter":      {"Cure 2: a newline ends each message", "解法二：每条消息以换行符结尾"},
	"sticky/length-prefix":  {"Cure 3: a 4-byte length before each message", "解法三：每条消息前面加 4 字节长度"},

	"headers/fixed-header":  {"A fixed 6-byte binary header as a Go struct", "用 Go 结构体表示的 6 字节定长二进制报头"},
	"headers/length-prefix": {"Length-prefixed frames through a chopped stream", "带长度前缀的帧穿过被切碎的数据流"},
	"headers/endian-wrong":  {"Wrong: a little-endian length read as big-endian", "错误写法：按小端写入的长度被按大端读出"},
	"headers/endian-right":  {"Right: both sides use network byte order", "正确写法：两边都用网络字节序"},
	"headers/json-header":   {"A JSON header behind a 4-byte length", "JSON 报头，前面加 4 字节长度"},
	"headers/limit-wrong":   {"Wrong: allocating the length a stranger claims", "错误写法：对方说多长就分配多长"},
	"headers/limit-right":   {"Right: checking the length against a limit first", "正确写法：先拿长度和上限比一比"},
	"headers/ready-wrong":   {"Wrong: a \"ready\" round trip before every body", "错误写法：每个数据体之前都要来回一趟“ready”"},
	"headers/ready-right":   {"Right: length and body sent without waiting", "正确写法：长度和数据体一起发出，不必等待"},

	"concurrency/one-at-a-time":      {"One client at a time: the second waits for the first", "一次只服务一个客户端：第二个要等第一个"},
	"concurrency/goroutine-per-conn": {"A goroutine per connection: the second is answered at once", "每个连接一个 goroutine：第二个客户端立刻得到回答"},
	"concurrency/many-clients":       {"100 clients connected at the same time, all answered", "100 个客户端同时连着，个个都得到回答"},
	"concurrency/idle-timeout":       {"A read deadline drops a client that goes silent", "读截止时间：断开一声不吭的客户端"},
	"concurrency/shutdown":           {"Graceful shutdown: close the listener, wait for connections", "优雅关闭：关掉监听套接字，等手上的连接处理完"},

	"projects/shell-wrong":   {"Wrong: the client's command run through a shell", "错误写法：把客户端发来的命令交给 shell 执行"},
	"projects/shell-right":   {"Right: an argv list, no shell; the ; is only a character", "正确写法：用 argv 列表，不经过 shell；; 只是一个普通字符"},
	"projects/remote-cmd":    {"A remote command service: argv, allowlist, caps, time limit", "远程执行命令的服务：argv、白名单、输出上限、时间限制"},
	"projects/charset-wrong": {"Wrong: each byte decoded as one character (mojibake)", "错误写法：每个字节当成一个字符来解码（乱码）"},
	"projects/charset-right": {"Right: the bytes decoded as UTF-8, and checked", "正确写法：按 UTF-8 解码，并检查字节是否合法"},
	"projects/upload":        {"Upload 1 MiB with a progress bar and a SHA-256 check", "上传 1 MiB，带进度条和 SHA-256 校验"},
	"projects/download":      {"Download 1 MiB with a progress bar and a SHA-256 check", "下载 1 MiB，带进度条和 SHA-256 校验"},
	"projects/path-wrong":    {"Wrong: a file name from the wire used as a path", "错误写法：把从网络收到的文件名直接当作路径"},
	"projects/path-right":    {"Right: file names from the wire checked, bad ones refused", "正确写法：检查从网络收到的文件名，拒绝不合格的"},
	"projects/udp-time":      {"A UDP time service: the layout asks, the reply is checked", "UDP 时间服务：客户端发出时间格式，并检查回复"},
}
