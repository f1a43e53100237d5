from secretary.main import main

raise SystemExit(main())
