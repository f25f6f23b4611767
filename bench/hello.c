/*
 * hello: the smallest libfcgi program, the benchmark's yardstick. bench/run.sh serves it behind
 * the same nginx as jubao, so that the figures say what jubao costs over FastCGI itself.
 */
#include <fcgiapp.h>

int
main(void)
{
	static const char answer[] = "Status: 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n"
	    "<!DOCTYPE html><html><title>hello</title><p>hello</p></html>";
	FCGX_Request req;

	if (FCGX_Init() != 0 || FCGX_InitRequest(&req, 0, 0) != 0)
		return 1;
	while (FCGX_Accept_r(&req) >= 0) {
		FCGX_PutStr(answer, sizeof(answer) - 1, req.out);
		FCGX_Finish_r(&req);
	}
	return 0;
}
