from osteotrack.cli import main

main()
