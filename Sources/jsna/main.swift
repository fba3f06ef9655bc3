import JSNACommands

JSNA.prepareProcess()
JSNA.main()
