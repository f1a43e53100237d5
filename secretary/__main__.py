from secretary.cli.main import main

raise SystemExit(main())
