Console.WriteLine("todo");
